// After a submission: the tracking code and the secret status link (its token is in the fragment, never sent to a server).
import { el, $ } from './dom.js';

const params = new URLSearchParams(location.hash.slice(1));
const result = $('#result');
const id = params.get('id');
const access = params.get('access');
if (!id || !access) {
  result.append(el('p', { class: 'notice notice-error' }, 'Không có thông tin hồ sơ. Vui lòng dùng đường liên kết trong thư xác nhận.'));
} else {
  const link = `${new URL('trang-thai.html', location.href).href}#${new URLSearchParams({ id, access })}`;
  const copy = el('button', { type: 'button', class: 'button secondary' }, 'Sao chép đường liên kết');
  const copied = el('span', { role: 'status', class: 'muted' });
  copy.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(link); copied.textContent = ' Đã sao chép.'; } catch { copied.textContent = ' Hãy chép đường liên kết ở trên.'; }
  });
  let failed = [];
  try { failed = JSON.parse(sessionStorage.getItem('nscl.failedUploads') ?? '[]'); } catch { failed = []; }
  result.append(
    el('section', { class: 'card' },
      el('p', {}, 'Mã hồ sơ của doanh nghiệp:'),
      el('p', { class: 'tracking-code', id: 'tracking-code' }, params.get('code') ?? ''),
      el('p', {}, 'Theo dõi hồ sơ, nộp bổ sung và báo cáo qua đường liên kết riêng dưới đây. ',
        el('strong', {}, 'Đây là đường liên kết bí mật: ai có nó đều xem được hồ sơ; không chia sẻ công khai.')),
      el('p', { class: 'secret-link' }, el('a', { href: link, id: 'status-link' }, 'Mở trang tình trạng hồ sơ')),
      el('p', { class: 'break' }, link), el('p', {}, copy, copied),
      failed.length ? el('div', { class: 'notice notice-error' }, el('p', {}, 'Một số tệp chưa tải lên được; hãy tải lại trên trang tình trạng hồ sơ:'),
        el('ul', {}, failed.map((f) => el('li', {}, f)))) : null));
}
