#!/usr/bin/env bash
# Lifecycle benchmark (not a test): N applications (default 200) through the whole lifecycle on Azurite with time
# compression, beside the raw rate of one-activity orchestrations on the same backend in the same run.
#   ./scripts/benchmark.sh [N]
#   ./scripts/benchmark.sh cost [applications=50] [idleMinutes=10] [pollingSeconds=10]   (the cost model: storage requests idle and per lifecycle)
#   ./scripts/benchmark.sh [N] email-outage   (email-outage: N lifecycles with the e-mail endpoint answering 202, then N with it answering 503)
# Results go into docs/benchmarks.md by hand, with the machine and the command.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(repo_root)"
cd "$ROOT"
ensure_node_tools "$ROOT"

DATA="$(mktemp -d)"
BLOB=$(free_port) QUEUE=$(free_port) TABLE=$(free_port)
# In memory: Azurite's periodic save of its whole database to disk grows with the tables and would be measured too.
(cd "$DATA" && exec "$ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort "$BLOB" --queueHost 127.0.0.1 --queuePort "$QUEUE" --tableHost 127.0.0.1 --tablePort "$TABLE" \
  > "$DATA/azurite.log" 2>&1) &
AZURITE_PID=$!
trap 'stop_process $AZURITE_PID 10; rm -rf "$DATA"' EXIT
wait_for_port "$BLOB" 30 && wait_for_port "$QUEUE" 30 && wait_for_port "$TABLE" 30

export AzureWebJobsStorage="$(azurite_connection_string "$BLOB" "$QUEUE" "$TABLE")"
dotnet run -c Release --project benchmarks/NsclWorkflows.LifecycleBenchmark -- "${1:-200}" "${@:2}"
