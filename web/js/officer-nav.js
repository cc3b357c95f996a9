// The officers' navigation and who is signed in. Sign-out as the host signs officers in: development sign-in (forget
// the local identity), Oidc (POST /auth/sign-out, then the identity provider's sign-out), App Service (/.auth/logout).
import { el, $ } from './dom.js';
import { officer, signOut, loadSession } from './session.js';
import { config } from '../config.js';

// How the bar names a role and a unit (the sign-in carries their codes).
const ROLE_TEXT = { Officer: 'Chuyên viên', Appraiser: 'Thẩm định', Leader: 'Lãnh đạo', Accountant: 'Kế toán', Admin: 'Quản trị' };
const UNIT_TEXT = { skhcn: 'Sở Khoa học và Công nghệ', sct: 'Sở Công Thương', snnptnt: 'Sở Nông nghiệp và PTNT' };

/** "Chuyên viên, Thẩm định": every officer is a Chuyên viên; unknown codes are shown as they are. */
export function rolesText(roles) {
  const names = ['Officer', ...(roles ?? []).filter((r) => r !== 'Officer')].map((r) => ROLE_TEXT[r] ?? r);
  return names.join(', ');
}

function toSignIn() {
  location.assign(`dang-nhap.html#next=${encodeURIComponent(location.pathname + location.search)}`);
}

async function signOutNow(access) {
  if (access.mode === 'Development') { signOut(); location.assign('dang-nhap.html'); return; }
  const to = access.signOut;
  if (!to) { location.assign('dang-nhap.html'); return; }
  if (to.method !== 'POST') { location.assign(`${config.apiBase}${to.url}`); return; }
  // The host answers where the identity provider's sign-out is (a form POST could not follow it: CSP form-action).
  try {
    const response = await fetch(`${config.apiBase}${to.url}`, {
      method: 'POST', headers: { Accept: 'application/json', 'X-Requested-With': 'nscl' }, credentials: 'include', referrerPolicy: 'no-referrer',
    });
    const answer = response.ok ? await response.json() : null;
    location.assign(answer?.location ?? 'dang-nhap.html');
  } catch {
    location.assign('dang-nhap.html');
  }
}

export function officerNav() {
  const nav = $('.officer-nav');
  const who = el('li', { class: 'who' });
  const out = el('button', { type: 'button', class: 'link-button' }, 'Đăng xuất');
  nav.append(el('ul', {},
    el('li', {}, el('a', { href: 'hop-thu.html' }, 'Hộp công việc')),
    el('li', {}, el('a', { href: 'tong-quan.html' }, 'Tổng quan Chương trình')),
    el('li', {}, el('a', { href: 'hoat-dong.html' }, 'Hoạt động')),
    el('li', {}, el('a', { href: 'bao-cao.html' }, 'Báo cáo')),
    el('li', {}, el('a', { href: 'so-van-ban.html' }, 'Sổ văn bản')),
    el('li', {}, el('a', { href: 'hoi-dong.html' }, 'Hội đồng')),
    el('li', {}, el('a', { href: 'dot-tuyen-chon.html' }, 'Đợt tuyển chọn')),
    who));
  for (const link of nav.querySelectorAll('a')) if (location.pathname.endsWith(link.getAttribute('href'))) link.setAttribute('aria-current', 'page');

  const local = officer();
  loadSession().then((session) => {
    const access = session.officerAccess;
    const development = access.mode === 'Development';
    // Nobody signed in (or officers cannot sign in here now): the sign-in page says what to do.
    if (!access.available || (development ? !local : !session.officer)) { toSignIn(); return; }
    const o = development ? local : session.officer;
    out.addEventListener('click', () => signOutNow(access));
    const unit = o.unit ? UNIT_TEXT[o.unit] ?? o.unit : 'không thuộc đơn vị nào';
    who.append(`${o.name} (${rolesText(o.roles)} · ${unit})`, ' ', out);
  });
}
