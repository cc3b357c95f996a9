// The officer's sign-in as the pages know it. Locally (development sign-in) the name, roles and unit are kept in
// localStorage and sent as the X-Nscl-Dev-Officer header; the host accepts that header only in Development. In Azure
// App Service Authentication signs in with a cookie, and the pages send no identity of their own.
import { config } from '../config.js';

const KEY = 'nscl.officer';

export function officer() {
  try { return JSON.parse(localStorage.getItem(KEY) ?? 'null'); } catch { return null; }
}

export function signIn(name, roles, unit) { localStorage.setItem(KEY, JSON.stringify({ name, roles, unit })); }

export function signOut() { localStorage.removeItem(KEY); }

export function isDevelopmentSignIn() { return config.officerSignIn === 'development'; }

export function officerHeaders() {
  const o = officer();
  return isDevelopmentSignIn() && o ? { 'X-Nscl-Dev-Officer': `${o.name}; ${o.roles.join(',')}; ${o.unit}` } : {};
}

/** Sends the visitor to the sign-in page unless an officer is signed in (locally) — in Azure the API answers 401 instead. */
export function requireOfficer() {
  if (isDevelopmentSignIn() && !officer()) {
    location.assign(`dang-nhap.html#next=${encodeURIComponent(location.pathname + location.search)}`);
    return false;
  }
  return true;
}
