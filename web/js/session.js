// The officer's sign-in as the pages know it. The host says how officers sign in (GET /api/me: officerAccess.mode):
// - Development: the name, roles and unit are kept in localStorage and sent as the X-Nscl-Dev-Officer header, which
//   the host accepts only in its Development environment;
// - Oidc (standalone host on premises) and AppService (Azure): the host's own sign-in sets a cookie; the pages send
//   no identity of their own;
// - officerAccess.available false: nobody can sign in as an officer now; the sign-in page shows officerAccess.reason.
// The last mode the host named is remembered, so pages can decide synchronously; config.js names the default.
import { config } from '../config.js';

const KEY = 'nscl.officer';
const MODE_KEY = 'nscl.signInMode';
const CONFIGURED = config.officerSignIn === 'development' ? 'Development' : 'AppService';

export function officer() {
  try { return JSON.parse(localStorage.getItem(KEY) ?? 'null'); } catch { return null; }
}

export function signIn(name, roles, unit) { localStorage.setItem(KEY, JSON.stringify({ name, roles, unit })); }

export function signOut() { localStorage.removeItem(KEY); }

/** 'Development', 'Oidc' or 'AppService': as the host last said, else as config.js says. */
export function signInMode() {
  try { return localStorage.getItem(MODE_KEY) ?? CONFIGURED; } catch { return CONFIGURED; }
}

export function isDevelopmentSignIn() { return signInMode() === 'Development'; }

export function officerHeaders() {
  const o = officer();
  return isDevelopmentSignIn() && o ? { 'X-Nscl-Dev-Officer': `${encodeURIComponent(o.name)}; ${o.roles.join(',')}; ${o.unit}` } : {};
}

let session = null;

/**
 * Who is signed in and how officers sign in on this host: { officer, officerAccess: { available, mode, reason, signIn,
 * signOut } } from GET /api/me (once per page). When the host cannot be asked, what config.js says.
 */
export function loadSession() {
  session ??= (async () => {
    try {
      const response = await fetch(`${config.apiBase}/api/me`, {
        headers: { Accept: 'application/json', ...officerHeaders() }, credentials: 'include', referrerPolicy: 'no-referrer',
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const me = await response.json();
      try { localStorage.setItem(MODE_KEY, me.officerAccess.mode); } catch { /* storage blocked: config.js decides */ }
      return { officer: me.officer ?? null, officerAccess: me.officerAccess };
    } catch {
      return {
        officer: null,
        officerAccess: CONFIGURED === 'Development' ? { available: true, mode: CONFIGURED }
          : { available: true, mode: CONFIGURED, signIn: { url: '/.auth/login/aad', method: 'GET' }, signOut: { url: '/.auth/logout', method: 'GET' } },
      };
    }
  })();
  return session;
}

/**
 * next when it is a path of this site ("/…"), else null: never "//host", "/\host", a scheme ("https:", "javascript:")
 * or anything with a backslash, a control character or a space; resolved, it must stay on this origin.
 */
export function sameOriginPath(next, origin = globalThis.location?.origin ?? 'http://localhost') {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2048) return null;
  if (next[0] !== '/' || next[1] === '/' || next.includes('\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f]/.test(next)) return null;
  try {
    return new URL(next, origin).origin === new URL(origin).origin ? next : null;
  } catch {
    return null;
  }
}

/** Sends the visitor to the sign-in page unless an officer is signed in (development sign-in); otherwise the API answers 401. */
export function requireOfficer() {
  if (isDevelopmentSignIn() && !officer()) {
    location.assign(`dang-nhap.html#next=${encodeURIComponent(location.pathname + location.search)}`);
    return false;
  }
  return true;
}
