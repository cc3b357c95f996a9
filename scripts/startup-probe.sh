#!/usr/bin/env bash
# Start-up probe (not a test): K fresh starts of the durable backend, each on a new task hub, each running N
# one-activity orchestrations that must all complete within a bound. Prints one line per start and a summary.
#   ./scripts/startup-probe.sh [starts=30] [orchestrations=50] [boundSeconds=120]
# Extra settings reach the backend as environment variables, e.g. Nscl__Durable__PartitionCount=4.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(repo_root)"
cd "$ROOT"
ensure_node_tools "$ROOT"
STARTS="${1:-30}" N="${2:-50}" BOUND="${3:-120}"

DATA="$(mktemp -d)"
BLOB=$(free_port) QUEUE=$(free_port) TABLE=$(free_port)
node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location "$DATA" \
  --blobHost 127.0.0.1 --blobPort "$BLOB" --queueHost 127.0.0.1 --queuePort "$QUEUE" --tableHost 127.0.0.1 --tablePort "$TABLE" \
  > "$DATA/azurite.log" 2>&1 &
AZURITE_PID=$!
trap 'kill -TERM $AZURITE_PID 2>/dev/null; wait $AZURITE_PID 2>/dev/null; rm -rf "$DATA"' EXIT
wait_for_port "$BLOB" 30 && wait_for_port "$QUEUE" 30 && wait_for_port "$TABLE" 30
export AzureWebJobsStorage="$(azurite_connection_string "$BLOB" "$QUEUE" "$TABLE")"

dotnet build -c Release -nologo -v quiet -clp:ErrorsOnly benchmarks/NsclWorkflows.LifecycleBenchmark >&2
DLL="$(find benchmarks/NsclWorkflows.LifecycleBenchmark/bin/Release -name NsclWorkflows.LifecycleBenchmark.dll | head -1)"
ok=0 failed=0
for ((i = 1; i <= STARTS; i++)); do
  if dotnet "$DLL" startup "$N" "$BOUND"; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
done
echo "startup probe: $STARTS starts x $N orchestrations, bound ${BOUND}s: $ok completed, $failed stalled"
[ "$failed" -eq 0 ]
