#!/usr/bin/env bash
# Prepares the web pages for static hosting in Azure (the Static Web App): a copy of web/ whose config.js points at the
# API and signs officers in with App Service Authentication, and whose Content-Security-Policy lets the pages call it.
# azd runs it before deploying the `web` service (azure.yaml); it reads the API's address from the azd environment.
#   ./scripts/build-web.sh [--api https://api.nscl.example.gov.vn] [--out build/web]
# --api defaults to NSCL_API_BASE_URL, else AZURE_FUNCTION_APP_URL (an output of infra/main.bicep).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
api="${NSCL_API_BASE_URL:-${AZURE_FUNCTION_APP_URL:-}}"
out="$ROOT/build/web"
while [ $# -gt 0 ]; do
  case "$1" in
    --api) api="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "Unknown argument: $1" >&2; exit 2 ;;
  esac
done

api="${api%/}"
# Only an https origin: it is written into a script and a security header.
if ! [[ "$api" =~ ^https://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$ ]]; then
  echo "The API address must be an https origin such as https://api.nscl.example.gov.vn (got '${api}'). Set NSCL_API_BASE_URL or pass --api." >&2
  exit 2
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$ROOT/web/." "$staging/"
cat > "$staging/config.js" <<JS
// Written by scripts/build-web.sh for static hosting: the API on its own address, officers signed in by App Service
// Authentication (Entra ID). The standalone host serves web/config.js instead.
export const config = Object.freeze({
  apiBase: '${api}',
  officerSignIn: 'appservice',
});
JS
node - "$staging/staticwebapp.config.json" "$api" <<'JS'
const fs = require('node:fs');
const [file, api] = process.argv.slice(2);
const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
const csp = settings.globalHeaders['Content-Security-Policy'];
const directives = csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
  const [name, ...sources] = d.split(/\s+/);
  return name === 'connect-src' ? [name, "'self'", api].join(' ') : d;
});
if (!directives.some((d) => d.startsWith('connect-src '))) throw new Error('the Content-Security-Policy has no connect-src');
settings.globalHeaders['Content-Security-Policy'] = directives.join('; ');
fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
JS

rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$staging" "$out"
trap - EXIT
echo "Web pages for $api in $out"
