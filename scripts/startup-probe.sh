#!/usr/bin/env bash
# Start-up probe (not a test): K fresh starts of the durable backend, each on a new task hub, each running N
# one-activity orchestrations that must all complete within a bound. Prints one line per start and a summary.
#   ./scripts/startup-probe.sh [starts=30] [orchestrations=50] [boundSeconds=120]
#   FRESH_STORAGE=1 ./scripts/startup-probe.sh ...   # a new, empty Azurite for every start (as benchmark.sh does)
# Extra settings reach the backend as environment variables, e.g. Nscl__Durable__PartitionCount=4.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(repo_root)"
cd "$ROOT"
ensure_node_tools "$ROOT"
STARTS="${1:-30}" N="${2:-50}" BOUND="${3:-120}"

AZURITE_PID="" DATA=""
stop_storage() {
  [ -n "$AZURITE_PID" ] && stop_process "$AZURITE_PID" 10 || true
  [ -n "$DATA" ] && rm -rf "$DATA"
  AZURITE_PID="" DATA=""
}
start_storage() {
  DATA="$(mktemp -d)"
  local blob queue table
  blob=$(free_port) queue=$(free_port) table=$(free_port)
  node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location "$DATA" \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
    > "$DATA/azurite.log" 2>&1 &
  AZURITE_PID=$!
  wait_for_port "$blob" 30 && wait_for_port "$queue" 30 && wait_for_port "$table" 30
  export AzureWebJobsStorage="$(azurite_connection_string "$blob" "$queue" "$table")"
}
trap stop_storage EXIT

dotnet build -c Release -nologo -v quiet -clp:ErrorsOnly benchmarks/NsclWorkflows.LifecycleBenchmark >&2
DLL="$(find benchmarks/NsclWorkflows.LifecycleBenchmark/bin/Release -name NsclWorkflows.LifecycleBenchmark.dll | head -1)"
ok=0 failed=0
start_storage
for ((i = 1; i <= STARTS; i++)); do
  if [ -n "${FRESH_STORAGE:-}" ] && [ "$i" -gt 1 ]; then stop_storage; start_storage; fi
  if dotnet "$DLL" startup "$N" "$BOUND"; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
done
echo "startup probe: $STARTS starts x $N orchestrations, bound ${BOUND}s${FRESH_STORAGE:+, fresh storage each}: $ok completed, $failed stalled"
[ "$failed" -eq 0 ]
