// Officers' sign-in, as the host signs officers in (GET /api/me, see session.js):
// - Development: the development sign-in (name, roles, unit kept in this browser, sent as X-Nscl-Dev-Officer);
// - Oidc: the "Đăng nhập" button goes to the host's /auth/sign-in, which signs in with the identity provider;
// - AppService: App Service Authentication (Microsoft Entra ID);
// - no officer access: the reason the host gives, and nothing to click.
// After signing in the page goes to #next= when it is a path of this site, otherwise to the inbox.
import { el, $ } from './dom.js';
import { field } from './forms.js';
import { signIn, officer, loadSession, sameOriginPath } from './session.js';
import { config } from '../config.js';

const root = $('#signin');
const params = new URLSearchParams(location.hash.slice(1));
const inbox = new URL('hop-thu.html', location.href).pathname;
const target = sameOriginPath(params.get('next')) ?? inbox;

function developmentForm() {
  const current = officer();
  const form = el('form', { id: 'signin-form', class: 'card' },
    el('p', { class: 'notice notice-info' }, 'Môi trường phát triển: đăng nhập thử, không cần mật khẩu. Khi triển khai, cán bộ đăng nhập bằng tài khoản của Sở (Microsoft Entra ID hoặc hệ thống đăng nhập của thành phố).'),
    field('signin', { name: 'name', label: 'Tên đăng nhập (không dấu)', required: true, pattern: '[A-Za-z0-9._\\-]+', value: current?.name ?? '', hint: 'Ví dụ: nguyen.van.an' }),
    el('fieldset', {}, el('legend', {}, 'Vai trò (mọi cán bộ có vai trò Chuyên viên)'),
      [['Appraiser', 'Thẩm định'], ['Leader', 'Lãnh đạo'], ['Accountant', 'Kế toán'], ['Admin', 'Quản trị (mọi vai trò, mọi đơn vị)']].map(([value, text]) =>
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
  return form;
}

function providerSignIn(session) {
  const access = session.officerAccess;
  const card = el('div', { class: 'card', id: 'signin-provider' });
  if (session.officer) {
    card.append(el('p', { class: 'notice notice-success' }, `Bạn đang đăng nhập với tên ${session.officer.name}.`),
      el('p', {}, el('a', { class: 'button', href: target }, 'Tiếp tục')));
    return card;
  }
  if (access.mode === 'Oidc') {
    card.append(el('p', {}, 'Cán bộ đăng nhập bằng tài khoản do Sở cấp (hệ thống đăng nhập một lần của cơ quan).'),
      el('p', {}, el('a', { class: 'button', href: `${config.apiBase}${access.signIn.url}?next=${encodeURIComponent(target)}` }, 'Đăng nhập')));
  } else {
    const back = new URL(target, location.href).href;
    card.append(el('p', {}, 'Cán bộ đăng nhập bằng tài khoản Microsoft Entra ID của Sở.'),
      el('p', {}, el('a', { class: 'button', href: `${config.apiBase}${access.signIn?.url ?? '/.auth/login/aad'}?post_login_redirect_uri=${encodeURIComponent(back)}` }, 'Đăng nhập bằng Microsoft')));
  }
  return card;
}

async function start() {
  const session = await loadSession();
  const access = session.officerAccess;
  if (params.get('error') === 'sign_in_failed') {
    root.append(el('p', { class: 'notice notice-error', role: 'alert' },
      'Đăng nhập không thành công: hệ thống đăng nhập không cho biết mã định danh của tài khoản, hoặc phiên đăng nhập đã hết hạn. Vui lòng thử lại hoặc liên hệ quản trị viên.'));
  }
  if (!access.available) {
    root.append(el('div', { class: 'notice notice-error', role: 'alert', id: 'officer-access-unavailable' },
      el('p', {}, el('strong', {}, 'Hiện cán bộ chưa thể đăng nhập.')),
      el('p', {}, access.reason ?? 'Chức năng đăng nhập cán bộ chưa được cấu hình.'),
      el('p', {}, 'Doanh nghiệp vẫn nộp và theo dõi hồ sơ bình thường.')));
    return;
  }
  root.append(access.mode === 'Development' ? developmentForm() : providerSignIn(session));
}

start();
