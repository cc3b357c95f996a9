// The decision register (sổ văn bản) of a year: the signed decisions the system numbered, in number order, each with
// its signing date, signer and the file it decides (a link to the file). Read-only: a number is given only when a
// leader records the signed decision on the file (GET /api/decisions?year=).
import { el, $, clear, date, notify } from './dom.js';
import { api, ApiError } from './api.js';
import { requireOfficer } from './session.js';
import { officerNav } from './officer-nav.js';

const root = $('#register');
const status = $('#page-status');
const form = $('#year-form');
const params = new URLSearchParams(location.search);
const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

function table(view) {
  if (view.items.length === 0) return el('p', { class: 'muted', id: 'register-empty' }, `Năm ${view.year} chưa có quyết định nào được ghi vào sổ.`);
  return el('div', { class: 'table-wrap' }, el('table', { class: 'data', id: 'register-table' },
    el('caption', {}, `Quyết định đã ký năm ${view.year} (${view.items.length})`),
    el('thead', {}, el('tr', {}, ['Số, ký hiệu', 'Ngày ký', 'Người ký', 'Loại quyết định', 'Hồ sơ'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, view.items.map((d) => el('tr', { dataset: { number: String(d.number) } },
      el('th', { scope: 'row' }, d.numberAndSymbol),
      el('td', {}, date(d.signedOn)),
      el('td', {}, `${d.signerName}, ${d.signerTitle}`),
      el('td', {}, d.kindTitle),
      el('td', {}, el('a', { href: `ho-so.html?id=${encodeURIComponent(d.applicationId)}` }, d.trackingCode)))))));
}

async function show(year) {
  try {
    const view = await api(`/api/decisions?year=${encodeURIComponent(year)}`, { officer: true });
    clear(root).append(table(view));
    status.hidden = true;
  } catch (error) {
    clear(root);
    notify(status, error instanceof ApiError ? `Không tải được sổ văn bản: ${error.message}` : 'Không kết nối được máy chủ; vui lòng thử lại.', 'error');
  }
}

function start() {
  if (!requireOfficer()) return;
  officerNav();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const input = el('input', { id: 'register-year', name: 'year', type: 'number', min: 2022, max: 2100, value: String(year), inputmode: 'numeric' });
  form.append(el('label', { for: 'register-year' }, 'Năm'), input, el('button', { type: 'submit', class: 'button' }, 'Xem'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = Number(input.value);
    if (!Number.isInteger(chosen) || chosen < 2000 || chosen > 2100) { notify(status, 'Năm phải là số từ 2000 đến 2100.', 'error'); return; }
    history.replaceState(null, '', `?year=${chosen}`);
    show(chosen);
  });
  show(year);
}

start();
