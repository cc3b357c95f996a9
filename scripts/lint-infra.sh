#!/usr/bin/env bash
# Compiles and lints infra/main.bicep (and the modules it uses) with the Bicep CLI restored from NuGet
# (eng/bicep/Bicep.Tools.csproj). Fails on any error or warning; the compiled ARM template goes to artifacts/infra/.
#   ./scripts/lint-infra.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(repo_root)"
cd "$ROOT"

TOOLS=eng/bicep/Bicep.Tools.csproj
dotnet restore "$TOOLS" -nologo -v quiet >/dev/null
BICEP="$(dotnet msbuild "$TOOLS" -nologo -getProperty:BicepExecutable)"
if [ ! -f "$BICEP" ]; then
  echo "Bicep CLI not found after restore (got '$BICEP')" >&2
  exit 1
fi
[ -x "$BICEP" ] || chmod u+x "$BICEP"

OUT="$ROOT/artifacts/infra"
mkdir -p "$OUT"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

status=0
"$BICEP" build infra/main.bicep --outfile "$OUT/main.json" 2>&1 | tee "$LOG" || status=1
"$BICEP" lint infra/main.bicep 2>&1 | tee -a "$LOG" || status=1

errors=$(grep -c ' : Error ' "$LOG" || true)
warnings=$(grep -c ' : Warning ' "$LOG" || true)
echo "bicep $("$BICEP" --version | awk '{print $4}'): $errors error(s), $warnings warning(s)"
if [ "$status" -ne 0 ] || [ "$errors" -ne 0 ] || [ "$warnings" -ne 0 ]; then
  exit 1
fi
