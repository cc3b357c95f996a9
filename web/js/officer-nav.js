// The officers' navigation and who is signed in.
import { el, $ } from './dom.js';
import { officer, signOut, isDevelopmentSignIn } from './session.js';
import { config } from '../config.js';

export function officerNav() {
  const nav = $('.officer-nav');
  const o = officer();
  const out = el('button', { type: 'button', class: 'link-button' }, 'Đăng xuất');
  out.addEventListener('click', () => {
    if (isDevelopmentSignIn()) { signOut(); location.assign('dang-nhap.html'); } else location.assign(`${config.apiBase}/.auth/logout`);
  });
  nav.append(el('ul', {},
    el('li', {}, el('a', { href: 'hop-thu.html' }, 'Hộp công việc')),
    el('li', {}, el('a', { href: 'tong-quan.html' }, 'Tổng quan Chương trình')),
    el('li', { class: 'who' }, o ? `${o.name} (${o.roles.join(', ') || 'Officer'} · ${o.unit})` : '', ' ', out)));
  for (const link of nav.querySelectorAll('a')) if (location.pathname.endsWith(link.getAttribute('href'))) link.setAttribute('aria-current', 'page');
}
