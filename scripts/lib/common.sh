# Shared by start-local.sh and test.sh. Source it; it changes nothing by itself.

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

# Installs the pinned npm tools (Azurite) when they are missing or older than the lock file.
ensure_node_tools() {
  local root="$1"
  if [ ! -x "$root/node_modules/.bin/azurite" ] || [ ! -d "$root/node_modules/playwright-core" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "Installing the npm tools: Azurite, playwright-core, axe-core (npm ci)..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# True when something listens on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints a free loopback port.
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Waits until 127.0.0.1:$1 accepts connections, at most $2 seconds.
wait_for_port() {
  local port="$1" limit="${2:-30}" i
  for ((i = 0; i < limit * 10; i++)); do
    port_in_use "$port" && return 0
    sleep 0.1
  done
  echo "Nothing listens on 127.0.0.1:$port after ${limit}s" >&2
  return 1
}

# Azurite's well-known development account, with explicit endpoints for the chosen ports.
azurite_connection_string() {
  local account=devstoreaccount1
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/%s;QueueEndpoint=http://127.0.0.1:%s/%s;TableEndpoint=http://127.0.0.1:%s/%s;' \
    "$account" "$key" "$1" "$account" "$2" "$account" "$3" "$account"
}

# stop_process PID [grace seconds=10] [log]: SIGTERM, then SIGKILL if it is still alive after the grace period.
# Azurite on SIGTERM closes its three services, logs "… service successfully closed" for each, and then often never
# exits (measured: 4 of 5 stops of start-local.sh; something keeps Node's event loop alive). Its data is saved by then:
# given Azurite's log, the kill comes as soon as the three services say they are closed.
stop_process() {
  local pid="$1" grace="${2:-10}" log="${3:-}"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 $((grace * 10))); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    if [ -n "$log" ] && [ "$(grep -c 'service successfully closed' "$log" 2>/dev/null)" -ge 3 ]; then
      break
    fi
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
