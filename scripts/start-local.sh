#!/usr/bin/env bash
# Runs NsclWorkflows locally: Azurite (data in .azurite/) + the standalone host (API on http://127.0.0.1:7071).
# Installs what is missing, prints the URLs, and stops both on Ctrl+C.
#   PORT=8080 ./scripts/start-local.sh      # another API port
#   COMPRESSED_DAY=00:00:30 ./scripts/start-local.sh   # one working day lasts 30 s (demonstrations)
#   AZURITE_IN_MEMORY=1 ./scripts/start-local.sh       # nothing kept on disk (benchmarks: Azurite's periodic save of a
#                                                       # large database costs a core; the data is gone on stop)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(repo_root)"
cd "$ROOT"

PORT="${PORT:-7071}"
ensure_node_tools "$ROOT"

# Azurite on its usual ports, or free ones when those are taken (say, by another Azurite).
BLOB=10000 QUEUE=10001 TABLE=10002
if port_in_use $BLOB || port_in_use $QUEUE || port_in_use $TABLE; then
  BLOB=$(free_port) QUEUE=$(free_port) TABLE=$(free_port)
  echo "Ports 10000-10002 are taken; Azurite uses $BLOB/$QUEUE/$TABLE instead."
fi
if port_in_use "$PORT"; then
  echo "Port $PORT is taken: stop what uses it, or run PORT=<free port> $0" >&2
  exit 1
fi

mkdir -p .azurite/data
# Azurite in its own session (process group): Ctrl+C reaches the host and this script, not Azurite, so storage stays up
# while the host stops cleanly, and stop_all stops Azurite last.
STORE=(--location .azurite/data)
[ -n "${AZURITE_IN_MEMORY:-}" ] && STORE=(--inMemoryPersistence)   # Azurite refuses a location with it
setsid node_modules/.bin/azurite --silent --skipApiVersionCheck --loose "${STORE[@]}" \
  --blobHost 127.0.0.1 --blobPort "$BLOB" --queueHost 127.0.0.1 --queuePort "$QUEUE" --tableHost 127.0.0.1 --tablePort "$TABLE" \
  > .azurite/azurite.log 2>&1 &
AZURITE_PID=$!
HOST_PID=""
stop_all() {
  trap - INT TERM EXIT
  trap '' PIPE   # the terminal (or a pipe we print into) may already be gone: stop the processes regardless
  echo 2>/dev/null
  echo "Stopping..." 2>/dev/null
  [ -n "$HOST_PID" ] && stop_process "$HOST_PID" 30   # the host's own stop is bounded (sidecar 10 s) well inside this
  stop_process "$AZURITE_PID" 10 .azurite/azurite.log
  echo "Stopped." 2>/dev/null
}
trap stop_all INT TERM EXIT
wait_for_port "$BLOB" 30 && wait_for_port "$QUEUE" 30 && wait_for_port "$TABLE" 30

echo "Building the standalone host..."
dotnet build functions/NsclWorkflows.Local -c Debug -nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=Development
export AzureWebJobsStorage="$(azurite_connection_string "$BLOB" "$QUEUE" "$TABLE")"
[ -n "${COMPRESSED_DAY:-}" ] && export Nscl__Deadlines__CompressedWorkingDay="$COMPRESSED_DAY"
(cd functions/NsclWorkflows.Local/bin/Debug/net10.0 && exec dotnet NsclWorkflows.Local.dll --urls "http://127.0.0.1:$PORT") &
HOST_PID=$!

for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; then break; fi
  kill -0 "$HOST_PID" 2>/dev/null || { echo "The host exited during start-up." >&2; exit 1; }
  sleep 0.1
done

cat <<INFO

NsclWorkflows is running.
  Enterprises  http://127.0.0.1:$PORT/dang-ky.html          (apply; the status page comes by its secret link)
  Officers     http://127.0.0.1:$PORT/can-bo/dang-nhap.html  (development sign-in, then inbox and dashboard)
  Outbox       http://127.0.0.1:$PORT/dev/outbox             (the e-mails the system sent)
  API        http://127.0.0.1:$PORT/api
  Health     http://127.0.0.1:$PORT/api/health
  Catalogue  http://127.0.0.1:$PORT/api/catalogue
  Azurite    blob :$BLOB  queue :$QUEUE  table :$TABLE   (data in .azurite/data)
Example requests: requests.http. Press Ctrl+C to stop both.

INFO
wait "$HOST_PID"
