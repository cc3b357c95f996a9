#!/usr/bin/env bash
# Load test (not a test): a weighted mix of submissions, status reads, inbox pages, officer actions and health
# checks from N concurrent clients against a host that is already running, bounded by a duration and a request cap.
# Prints count, errors by status, 429s, throughput and p50/p95/p99 per kind beside health's in the same run.
#   ./scripts/load-test.sh [--base-url http://127.0.0.1:7071] [--concurrency 20] [--duration 60] [--max-requests 20000]
#                          [--mix submit=3,status=3,inbox=2,action=1,health=1] [--json FILE] [--smoke]
# Loopback hosts only (127.0.0.0/8, localhost, [::1]): it refuses any other base URL.
# Results go into docs/benchmarks.md ("Load test") by hand, with the machine and the command.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(repo_root)"
cd "$ROOT"

cat >&2 <<'NOTE'
The host's abuse limits (Nscl:RateLimits:*, README "Abuse limits") refuse a load test's submissions within seconds
(429s are reported apart, not as latencies). Start the host with raised limits, for example:
  Nscl__RateLimits__SubmissionsPerHour=100000 Nscl__RateLimits__UploadsPerHour=100000 \
  Nscl__RateLimits__TokenRequestsPerMinute=100000 Nscl__RateLimits__SubmissionsPerEmailPerDay=100000 \
  ./scripts/start-local.sh
NOTE

dotnet build benchmarks/NsclWorkflows.LoadTest -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet benchmarks/NsclWorkflows.LoadTest/bin/Release/net10.0/NsclWorkflows.LoadTest.dll "$@"
