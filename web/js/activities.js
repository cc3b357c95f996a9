// Programme activities (funded items that are not enterprise applications): without ?id= the activities of an item
// and year with a form to plan one; with ?id= one activity with its spending, outputs and the forms to record them,
// close or cancel it. Every change goes through the API (which checks the unit, the rules and the ledger).
import { el, $, clear, date, vnd, notify } from './dom.js';
import { field, clearErrors, showErrors, errorSummary } from './forms.js';
import { api, ApiError } from './api.js';
import { requireOfficer } from './session.js';
import { officerNav } from './officer-nav.js';

const OUTPUT_KINDS = [['classesHeld', 'Lớp, hội thảo, tập huấn đã tổ chức'], ['participants', 'Lượt người tham dự'],
  ['participantOrganisations', 'Doanh nghiệp, cơ quan có người tham dự'], ['articlesAndBroadcasts', 'Tin, bài, phóng sự, chuyên mục, pano'],
  ['enterprisesSurveyed', 'Doanh nghiệp được khảo sát'], ['bodiesSupported', 'Tổ chức chứng nhận, thử nghiệm được hỗ trợ'],
  ['councilsHeld', 'Hội đồng đã tổ chức'], ['conferencesHeld', 'Hội nghị sơ kết, tổng kết đã tổ chức']];
const root = $('#activities');
const status = $('#page-status');
const params = new URLSearchParams(location.search);

function fail(error, what) {
  notify(status, error instanceof ApiError && error.status === 401 ? 'Phiên đăng nhập đã hết; vui lòng đăng nhập lại.'
    : `${what}: ${error instanceof ApiError ? error.message : 'lỗi kết nối.'}`, 'error');
}

/** A form posting JSON built by toJson(FormData) to path; field errors shown next to their fields. */
function postForm(id, title, fields, submitText, path, toJson, done) {
  const form = el('form', { id, class: 'form', novalidate: true }, el('h2', {}, title), errorSummary(), ...fields,
    el('button', { type: 'submit', class: 'button' }, submitText));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const result = await api(path, { method: 'POST', json: toJson(new FormData(form)), officer: true });
      await done(result);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) showErrors(form, error.fieldErrors);
      else if (error instanceof ApiError) showErrors(form, [{ message: error.message }]);
      else fail(error, 'Không gửi được');
    }
  });
  return form;
}

const number = (value) => (value === '' || value === null ? null : Number(value));
const text = (value) => (value === '' ? null : value);

async function list() {
  const year = params.get('year') ?? String(new Date().getFullYear());
  const line = params.get('line') ?? '';
  let lines = [];
  try { lines = (await api('/api/catalogue')).programme.budgetLines.flatMap((l) => l.items ?? []); } catch { lines = []; }
  const lineOptions = lines.map((l) => [l.id, `${l.id} – ${l.name}`]);
  const filters = el('form', { class: 'filters', id: 'activity-filters' },
    field('filter', { name: 'line', label: 'Mục chi', type: 'select', options: [['', 'Tất cả'], ...lineOptions] }),
    field('filter', { name: 'year', label: 'Năm', type: 'number', min: 2022, max: 2035, value: year }),
    el('button', { type: 'submit', class: 'button' }, 'Lọc'));
  filters.querySelector('select').value = line;
  root.append(filters);
  try {
    const query = new URLSearchParams([['year', year], ...(line ? [['line', line]] : [])]);
    const data = await api(`/api/activities?${query}`, { officer: true });
    root.append(data.activities.length === 0 ? el('p', { class: 'muted', id: 'activities-empty' }, 'Chưa có hoạt động nào.')
      : el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Danh sách hoạt động' }, el('table', { class: 'table', id: 'activities-table' },
        el('thead', {}, el('tr', {}, ['Hoạt động', 'Mục chi', 'Năm', 'Thời gian', 'Kinh phí dự kiến', 'Đã giải ngân', 'Trạng thái'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, data.activities.map((a) => el('tr', { dataset: { activityId: a.id } },
          el('td', {}, el('a', { href: `hoat-dong.html?id=${encodeURIComponent(a.id)}` }, a.title)),
          el('td', {}, a.lineId), el('td', {}, String(a.year)), el('td', {}, `${date(a.plannedStart)} – ${date(a.plannedEnd)}`),
          el('td', {}, vnd(a.estimatedCostVnd)), el('td', {}, vnd(a.disbursedVnd)), el('td', {}, a.stateText)))))),
    data.outputTotals.length ? el('p', { id: 'output-totals' }, 'Kết quả: ', data.outputTotals.map((t) => `${t.label}: ${t.quantity}`).join('; ')) : '');
  } catch (error) { fail(error, 'Không tải được danh sách hoạt động'); }

  root.append(postForm('plan-activity', 'Lập hoạt động mới', [
    field('plan', { name: 'title', label: 'Tên hoạt động', required: true }),
    field('plan', { name: 'lineId', label: 'Mục chi', type: 'select', required: true, options: lineOptions }),
    field('plan', { name: 'year', label: 'Năm ngân sách', type: 'number', min: 2022, max: 2100, required: true, value: year }),
    field('plan', { name: 'estimatedCostVnd', label: 'Kinh phí dự kiến (đồng)', type: 'number', min: 1, required: true, inputmode: 'numeric' }),
    field('plan', { name: 'plannedStart', label: 'Ngày bắt đầu dự kiến', type: 'date', required: true }),
    field('plan', { name: 'plannedEnd', label: 'Ngày kết thúc dự kiến', type: 'date', required: true }),
    field('plan', { name: 'expectedOutputs', label: 'Kết quả dự kiến', type: 'textarea', hint: 'Ví dụ: 2 lớp, khoảng 80 học viên.' }),
  ], 'Lập hoạt động (tạm giữ kinh phí dự kiến)', '/api/activities', (f) => ({
    title: f.get('title'), lineId: f.get('lineId'), year: number(f.get('year')), estimatedCostVnd: number(f.get('estimatedCostVnd')),
    plannedStart: text(f.get('plannedStart')), plannedEnd: text(f.get('plannedEnd')), expectedOutputs: text(f.get('expectedOutputs')),
  }), (created) => location.assign(`hoat-dong.html?id=${encodeURIComponent(created.id)}`)));
}

async function show(id) {
  let a;
  try { a = await api(`/api/activities/${encodeURIComponent(id)}`, { officer: true }); } catch (error) { fail(error, 'Không tải được hoạt động'); return; }
  $('#page-title').textContent = a.title;
  document.title = `${a.title} – Chương trình NSCL Đà Nẵng`;
  const reload = () => { clear(root); clear(status); status.hidden = true; return show(id); };
  const path = (what) => `/api/activities/${encodeURIComponent(id)}/${what}`;
  root.append(
    el('p', {}, el('a', { href: `hoat-dong.html?year=${a.year}&line=${encodeURIComponent(a.lineId)}` }, `← Các hoạt động của mục ${a.lineId} năm ${a.year}`)),
    el('dl', { class: 'facts', id: 'activity-facts' },
      el('dt', {}, 'Trạng thái'), el('dd', { id: 'activity-state' }, a.stateText),
      el('dt', {}, 'Mục chi'), el('dd', {}, `${a.lineId} – ${a.lineName ?? ''}`),
      el('dt', {}, 'Đơn vị chủ trì'), el('dd', {}, a.leadUnitName),
      el('dt', {}, 'Cán bộ phụ trách'), el('dd', {}, a.officer.name),
      el('dt', {}, 'Thời gian dự kiến'), el('dd', {}, `${date(a.plannedStart)} – ${date(a.plannedEnd)}`),
      el('dt', {}, 'Kinh phí dự kiến'), el('dd', {}, vnd(a.estimatedCostVnd)),
      el('dt', {}, 'Đang tạm giữ / đã cam kết chi / đã giải ngân / đã hủy tạm giữ'),
      el('dd', { id: 'activity-money' }, `${vnd(a.reservedVnd)} / ${vnd(a.committedVnd)} / ${vnd(a.disbursedVnd)} / ${vnd(a.releasedVnd)}`),
      el('dt', {}, 'Kết quả dự kiến'), el('dd', {}, a.expectedOutputs || '—')),
    el('h2', {}, 'Kết quả đã ghi nhận'),
    a.outputs.length ? el('ul', { id: 'activity-outputs' }, a.outputs.map((o) => el('li', {}, `${o.kindText}: ${o.quantity}${o.note ? ` (${o.note})` : ''}`)))
      : el('p', { class: 'muted' }, 'Chưa có.'),
    el('h2', {}, 'Các khoản chi'),
    a.spending.length ? el('ul', { id: 'activity-spending' }, a.spending.map((s) => el('li', {},
      `${s.documentReference}: cam kết chi ${vnd(s.committedVnd)}, giải ngân ${vnd(s.disbursedVnd)}${s.note ? ` (${s.note})` : ''}`)))
      : el('p', { class: 'muted' }, 'Chưa có.'),
    a.notes.length ? el('details', {}, el('summary', {}, 'Nhật ký hệ thống'), el('ul', {}, a.notes.map((n) => el('li', {}, `${date(n.atUtc)}: ${n.text}`)))) : '');
  const allowed = new Set(a.allowedActions);
  if (allowed.has('outputs')) {
    root.append(postForm('record-output', 'Ghi nhận kết quả', [
      field('output', { name: 'kind', label: 'Loại kết quả', type: 'select', required: true, options: OUTPUT_KINDS }),
      field('output', { name: 'quantity', label: 'Số lượng', type: 'number', min: 1, required: true, inputmode: 'numeric' }),
      field('output', { name: 'note', label: 'Ghi chú' }),
    ], 'Ghi nhận kết quả', path('outputs'), (f) => ({ kind: f.get('kind'), quantity: number(f.get('quantity')), note: text(f.get('note')) }), reload));
  }
  if (allowed.has('spending')) {
    root.append(postForm('record-spending', 'Ghi nhận chi', [
      field('spending', { name: 'committedVnd', label: 'Số tiền cam kết chi (đồng)', type: 'number', min: 0, inputmode: 'numeric' }),
      field('spending', { name: 'disbursedVnd', label: 'Số tiền giải ngân (đồng)', type: 'number', min: 0, inputmode: 'numeric' }),
      field('spending', { name: 'documentReference', label: 'Số chứng từ, hợp đồng', required: true }),
      field('spending', { name: 'note', label: 'Ghi chú' }),
    ], 'Ghi nhận chi', path('spending'), (f) => ({ committedVnd: number(f.get('committedVnd')), disbursedVnd: number(f.get('disbursedVnd')),
      documentReference: f.get('documentReference'), note: text(f.get('note')) }), reload));
  }
  if (allowed.has('close')) {
    root.append(postForm('close-activity', 'Kết thúc hoạt động', [field('close', { name: 'note', label: 'Ghi chú khi kết thúc', type: 'textarea' })],
      'Kết thúc (hủy tạm giữ kinh phí còn lại)', path('close'), (f) => ({ note: text(f.get('note')) }), reload));
  }
  if (allowed.has('cancel')) {
    root.append(postForm('cancel-activity', 'Hủy hoạt động', [field('cancel', { name: 'reason', label: 'Lý do hủy', type: 'textarea', required: true })],
      'Hủy hoạt động', path('cancel'), (f) => ({ reason: f.get('reason') }), reload));
  }
}

async function start() {
  if (!requireOfficer()) return;
  officerNav();
  const id = params.get('id');
  if (id) await show(id); else await list();
}

start();
