// Officers' sign-in. Locally: the development sign-in (name, roles, unit kept in this browser and sent as the
// X-Nscl-Dev-Officer header, which the host accepts only in Development). In Azure: App Service Authentication.
import { el, $ } from './dom.js';
import { field } from './forms.js';
import { signIn, officer, isDevelopmentSignIn } from './session.js';
import { config } from '../config.js';

const root = $('#signin');
const next = new URLSearchParams(location.hash.slice(1)).get('next');
const target = next && next.startsWith('/') && !next.startsWith('//') ? next : 'hop-thu.html';

if (!isDevelopmentSignIn()) {
  const back = new URL('hop-thu.html', location.href).href;
  root.append(el('p', {}, 'Cán bộ đăng nhập bằng tài khoản Microsoft Entra ID của Sở.'),
    el('p', {}, el('a', { class: 'button', href: `${config.apiBase}/.auth/login/aad?post_login_redirect_uri=${encodeURIComponent(back)}` }, 'Đăng nhập bằng Microsoft')));
} else {
  const current = officer();
  const form = el('form', { id: 'signin-form', class: 'card' },
    el('p', { class: 'notice notice-info' }, 'Môi trường phát triển: đăng nhập thử, không cần mật khẩu. Khi triển khai trên Azure, cán bộ đăng nhập bằng Microsoft Entra ID.'),
    field('signin', { name: 'name', label: 'Tên đăng nhập (không dấu)', required: true, pattern: '[A-Za-z0-9._\\-]+', value: current?.name ?? '', hint: 'Ví dụ: nguyen.van.an' }),
    el('fieldset', {}, el('legend', {}, 'Vai trò (mọi cán bộ có vai trò Chuyên viên)'),
      [['Appraiser', 'Thẩm định'], ['Leader', 'Lãnh đạo'], ['Admin', 'Quản trị (mọi vai trò, mọi đơn vị)']].map(([value, text]) =>
        el('label', { class: 'choice' }, el('input', { type: 'checkbox', name: 'roles', value, checked: current?.roles?.includes(value) }), ' ', text))),
    field('signin', { name: 'unit', label: 'Đơn vị', type: 'select', options: [['skhcn', 'Sở Khoa học và Công nghệ'], ['sct', 'Sở Công Thương'], ['snnptnt', 'Sở Nông nghiệp và PTNT']] }),
    el('button', { type: 'submit', class: 'button' }, 'Đăng nhập'));
  if (current?.unit) form.elements.unit.value = current.unit;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    signIn(form.elements.name.value.trim(), [...form.querySelectorAll('input[name=roles]:checked')].map((c) => c.value), form.elements.unit.value);
    location.assign(target);
  });
  root.append(form);
}
