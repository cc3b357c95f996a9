#!/usr/bin/env bash
# Runs every test. Installs the pinned npm tools when missing; the integration tests start their own Azurite (free
# ports, temporary data) and the standalone host as separate processes. Ends with 'N passed, N failed, N skipped'.
#   ./scripts/test.sh                                  # everything
#   ./scripts/test.sh --filter FullyQualifiedName~Intake   # extra arguments go to dotnet test
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(repo_root)"
cd "$ROOT"

ensure_node_tools "$ROOT" || exit 1

# The browser tests drive Debian's Chromium (playwright-core, no browser download). CI (root) installs it itself.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" -eq 0 ]; then
  echo "Installing Chromium (apt-get)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null
fi

RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
dotnet build NsclWorkflows.sln -c Debug -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test NsclWorkflows.sln -c Debug --no-build -nologo --results-directory "$RESULTS" --logger "trx" --logger "console;verbosity=minimal" "$@"
status=$?

passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$RESULTS"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
