#!/usr/bin/env bash
# Regenerates docs/openapi.json: the OpenAPI document the standalone host serves at /openapi/v1.json, taken from the
# host's real pipeline in memory (no storage, no Azurite) by the drift test in its write mode. Run it after changing
# an endpoint (a route, a request or response type, a problem response) and commit the file; CI fails while it drifts.
#   ./scripts/openapi.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(repo_root)"
cd "$ROOT"

dotnet build tests/NsclWorkflows.Functions.Tests --nologo -v quiet -clp:ErrorsOnly
NSCL_WRITE_OPENAPI=1 dotnet test tests/NsclWorkflows.Functions.Tests --no-build --nologo -v quiet \
  --filter "FullyQualifiedName~OpenApiDocumentTests.ServedDocument_ComparedWithCommittedFile_IsTheSame"
echo "docs/openapi.json: $(wc -c < docs/openapi.json) bytes, $(grep -c '"operationId"' docs/openapi.json) operations"
