// The officer's inbox: open tasks of my roles in my unit, overdue first (the API's order), filtered by step, line, year,
// searched by enterprise name, enterprise code or tracking code (q; without diacritics is fine), 50 to a page: the API
// answers a page and an opaque nextCursor, which the "Trang sau" button sends back; "Trang trước" goes back through the
// cursors of the pages seen.
import { el, $, clear, date, notify } from './dom.js';
import { field } from './forms.js';
import { api, ApiError } from './api.js';
import { requireOfficer } from './session.js';
import { officerNav } from './officer-nav.js';
import { exportButtons } from './exports.js';

// The task steps the API filters by (StatusTable.TaskSteps; a test holds the two equal).
const STEPS = [['', 'Tất cả'], ['CompletenessReview', 'Kiểm tra tính đầy đủ, hợp lệ'], ['Appraisal', 'Thẩm định'], ['Approval', 'Phê duyệt'],
  ['DecisionSigning', 'Ký, ban hành quyết định'], ['CheckInReview', 'Xem xét báo cáo tiến độ'], ['AwaitingCheckIn', 'Chờ báo cáo tiến độ'],
  ['ExtensionDecision', 'Quyết định gia hạn'], ['FinalEvaluation', 'Đánh giá, nghiệm thu'], ['AwaitingFinalReport', 'Chờ báo cáo tổng kết'],
  ['Payment', 'Chi trả kinh phí'], ['RecognitionSigning', 'Ký quyết định công nhận kết quả']];
const root = $('#inbox');
const filters = $('#filters');
const status = $('#page-status');

let latest = 0;
let pages = ['']; // cursor of each page seen so far ('' = the first); the last one is on screen

function pager(next) {
  const nav = el('nav', { class: 'pager', 'aria-label': 'Phân trang hộp công việc' });
  if (pages.length > 1) {
    const previous = el('button', { type: 'button', class: 'button secondary', id: 'inbox-previous' }, 'Trang trước');
    previous.addEventListener('click', () => { pages.pop(); load(pages.at(-1)); });
    nav.append(previous);
  }
  nav.append(el('span', { id: 'inbox-page' }, ` Trang ${pages.length} `));
  if (next) {
    const following = el('button', { type: 'button', class: 'button secondary', id: 'inbox-next' }, 'Trang sau');
    following.addEventListener('click', () => { pages.push(next); load(next); });
    nav.append(following);
  }
  return nav;
}

async function load(cursor = '') {
  const mine = ++latest;
  root.setAttribute('aria-busy', 'true'); // until this request (or a newer one) has drawn the page
  const query = new URLSearchParams([...new FormData(filters)].filter(([, v]) => v !== ''));
  if (cursor) query.set('cursor', cursor);
  try {
    const inbox = await api(`/api/inbox?${query}`, { officer: true });
    if (mine !== latest) return; // a newer request owns the page
    clear(root);
    if (inbox.items.length === 0) {
      root.append(el('p', { class: 'muted', id: 'inbox-empty' }, query.get('q') ? 'Không tìm thấy công việc nào.' : 'Không có công việc nào.'));
      if (pages.length > 1) root.append(pager(null));
      return;
    }
    root.append(el('p', {}, `${inbox.count} công việc trên trang này${inbox.nextCursor ? ' (còn trang sau)' : ''}`),
      el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Danh sách công việc' }, el('table', { class: 'table', id: 'inbox-table' },
        el('thead', {}, el('tr', {}, ['Mã hồ sơ', 'Doanh nghiệp', 'Nhiệm vụ', 'Trạng thái', 'Dòng kinh phí', 'Hạn xử lý'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, inbox.items.map((item) => el('tr', { class: item.overdue ? 'overdue' : '', dataset: { applicationId: item.applicationId, step: item.step } },
          el('td', {}, el('a', { href: `ho-so.html?id=${encodeURIComponent(item.applicationId)}` }, item.trackingCode)),
          el('td', {}, item.enterpriseName), el('td', {}, item.title),
          el('td', {}, item.statusText, item.notificationFailures > 0
            ? el('span', { class: 'badge badge-danger', dataset: { mailFailures: item.notificationFailures } }, ` ${item.notificationFailures} thư lỗi`) : '',
            item.documentFailures > 0
              ? el('span', { class: 'badge badge-danger', dataset: { documentFailures: item.documentFailures } }, ` ${item.documentFailures} văn bản lỗi`) : ''),
          el('td', {}, `${item.budgetLineId ?? '—'}${item.budgetYear ? ` / ${item.budgetYear}` : ''}`),
          el('td', {}, date(item.dueUtc), item.overdue ? el('span', { class: 'badge badge-danger' }, ' Quá hạn') : '')))))),
      pager(inbox.nextCursor));
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      notify(status, error.problem?.detail ?? 'Yêu cầu không hợp lệ.', 'error');
      return;
    }
    notify(status, error instanceof ApiError && error.status === 401 ? 'Phiên đăng nhập đã hết; vui lòng đăng nhập lại.' : 'Không tải được hộp công việc.', 'error');
  } finally {
    if (mine === latest) root.setAttribute('aria-busy', 'false');
  }
}

async function start() {
  if (!requireOfficer()) return;
  officerNav();
  let lines = [];
  try { lines = (await api('/api/catalogue')).programme.budgetLines.flatMap((l) => (l.items.length ? l.items : [l])); } catch { lines = []; }
  filters.append(
    field('filter', { name: 'q', label: 'Tìm theo tên, mã số doanh nghiệp hoặc mã hồ sơ', type: 'search', hint: 'Gõ không dấu cũng được, ví dụ: hoa khanh.' }),
    field('filter', { name: 'step', label: 'Bước', type: 'select', options: STEPS }),
    field('filter', { name: 'line', label: 'Dòng kinh phí', type: 'select', options: [['', 'Tất cả'], ...lines.map((l) => [l.id, `${l.id} – ${l.name}`])] }),
    field('filter', { name: 'year', label: 'Năm', type: 'number', min: 2022, max: 2030 }),
    el('button', { type: 'submit', class: 'button', id: 'refresh' }, 'Lọc / làm mới'));
  filters.addEventListener('submit', (event) => { event.preventDefault(); pages = ['']; load(); });
  // The applications of my unit(s) with their state and amounts; the item and year filters apply.
  const exportQuery = (format) => new URLSearchParams([['format', format],
    ...[...new FormData(filters)].filter(([name, value]) => (name === 'line' || name === 'year') && value !== '')]);
  filters.after(exportButtons('Xuất danh sách hồ sơ', [
    { id: 'export-applications-xlsx', text: 'Xuất danh sách hồ sơ (Excel)', path: () => `/api/exports/applications?${exportQuery('xlsx')}`, fileName: 'ho-so.xlsx' },
    { id: 'export-applications-csv', text: 'Xuất CSV', path: () => `/api/exports/applications?${exportQuery('csv')}`, fileName: 'ho-so.csv' },
  ], status));
  await load();
}

start();
