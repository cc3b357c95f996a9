#!/usr/bin/env bash
# Fault campaign (issue 18): N lifecycles through storage outages, host kills, e-mail outages and slow storage, then
# the invariants read from storage. Loopback only (its own Azurite, host and capture endpoint). Figures: docs/reliability.md.
#   ./scripts/fault-campaign.sh [applications=100]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(repo_root)"
cd "$ROOT"
ensure_node_tools "$ROOT"
dotnet build tests/NsclWorkflows.Integration.Tests -nologo -v quiet -clp:ErrorsOnly >&2
NSCL_CAMPAIGN_APPLICATIONS="${1:-100}" dotnet test tests/NsclWorkflows.Integration.Tests --no-build \
  --filter "FullyQualifiedName~FaultCampaignTests" --logger "console;verbosity=detailed"
