// Yearly allocations on the officers' dashboard: the allocation log of a year with its documents
// (GET /api/budget/allocations?year=) and, for an Admin, the form that records an allocation ("dự toán được giao", or
// its revision) or a transfer between items (V.2.b) with the deciding document (POST /api/budget/allocations).
// Entries are never edited: a revision is a new allocation.
import { el, vnd, date, dateTime, notify } from './dom.js';
import { field, clearErrors, showErrors, errorSummary } from './forms.js';
import { api, ApiError } from './api.js';
import { loadSession } from './session.js';

const KINDS = { allocate: 'Giao dự toán', transferOut: 'Điều chuyển đi', transferIn: 'Điều chuyển đến' };

function logTable(entries, year) {
  if (!entries.length) return el('p', { class: 'muted', id: 'allocation-log-empty' }, `Chưa ghi nhận dự toán được giao năm ${year}.`);
  const table = el('table', { class: 'table', id: 'allocation-log' },
    el('caption', {}, `Sổ dự toán được giao năm ${year}`),
    el('thead', {}, el('tr', {}, ['Mục', 'Bút toán', 'Số tiền', 'Dự toán sau bút toán', 'Văn bản', 'Ghi chú', 'Người ghi, lúc']
      .map((h, i) => el('th', { scope: 'col', class: i === 2 || i === 3 ? 'num' : undefined }, h)))),
    el('tbody', {}, entries.map((e) => el('tr', { dataset: { line: e.lineId, kind: e.kind } },
      el('th', { scope: 'row' }, e.lineId),
      el('td', {}, KINDS[e.kind] ?? e.kindText, e.counterpartLineId ? ` (${e.kind === 'transferIn' ? 'từ' : 'sang'} ${e.counterpartLineId})` : ''),
      el('td', { class: 'num' }, vnd(e.amountVnd)),
      el('td', { class: 'num', dataset: { field: 'allocatedAfterVnd', value: e.allocatedAfterVnd } }, vnd(e.allocatedAfterVnd)),
      el('td', {}, `${e.document.number} ngày ${date(e.document.date)} của ${e.document.issuer}`),
      el('td', {}, e.note ?? ''),
      el('td', {}, `${e.actor}, ${dateTime(e.atUtc)}`)))));
  return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Sổ dự toán được giao' }, table);
}

function allocationForm(year, items, onRecorded) {
  const options = items.map((id) => [id, id]);
  const message = el('p', { role: 'status', id: 'allocation-status', hidden: true });
  const form = el('form', { id: 'allocation-form', class: 'form', novalidate: true },
    errorSummary(),
    field('alloc', { name: 'kind', label: 'Loại bút toán', type: 'select', required: true,
      options: [['allocation', 'Giao dự toán (hoặc điều chỉnh dự toán đã giao)'], ['transfer', 'Điều chuyển giữa các mục chi (V.2.b)']] }),
    field('alloc', { name: 'lineId', label: 'Mục chi', type: 'select', required: true, options }),
    field('alloc', { name: 'fromLineId', label: 'Mục chi chuyển đi', type: 'select', required: true, options }),
    field('alloc', { name: 'toLineId', label: 'Mục chi nhận', type: 'select', required: true, options }),
    field('alloc', { name: 'amountVnd', label: 'Số tiền (đồng)', type: 'number', min: 0, step: 1, required: true, inputmode: 'numeric',
      hint: 'Giao dự toán: tổng dự toán được giao của mục trong năm (thay cho số trước). Điều chuyển: số tiền chuyển.' }),
    field('alloc', { name: 'documentNumber', label: 'Số, ký hiệu văn bản', required: true, hint: 'Ví dụ: 4567/QĐ-UBND' }),
    field('alloc', { name: 'documentDate', label: 'Ngày ban hành', type: 'date', required: true }),
    field('alloc', { name: 'documentIssuer', label: 'Cơ quan ban hành', required: true, hint: 'Ví dụ: UBND thành phố Đà Nẵng' }),
    field('alloc', { name: 'note', label: 'Ghi chú', type: 'textarea', rows: 2 }),
    el('p', {}, el('button', { type: 'submit', class: 'button' }, `Ghi nhận (năm ${year})`)),
    message);
  const box = (name) => form.querySelector(`[data-field="${name}"]`);
  const show = () => {
    const transfer = form.elements.kind.value === 'transfer';
    for (const [name, visible] of [['lineId', !transfer], ['fromLineId', transfer], ['toLineId', transfer]]) {
      box(name).hidden = !visible;
      form.elements[name].disabled = !visible;
    }
  };
  if (items.length > 1) form.elements.toLineId.value = items[1];
  form.elements.kind.addEventListener('change', show);
  show();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    notify(message, '');
    const f = form.elements;
    const transfer = f.kind.value === 'transfer';
    const json = {
      kind: f.kind.value,
      year: Number(year),
      ...(transfer ? { fromLineId: f.fromLineId.value, toLineId: f.toLineId.value } : { lineId: f.lineId.value }),
      amountVnd: f.amountVnd.value === '' ? null : Number(f.amountVnd.value),
      documentNumber: f.documentNumber.value,
      documentDate: f.documentDate.value || null,
      documentIssuer: f.documentIssuer.value,
      ...(f.note.value.trim() ? { note: f.note.value } : {}),
    };
    try {
      await api('/api/budget/allocations', { method: 'POST', json, officer: true });
      notify(message, transfer ? 'Đã ghi nhận điều chuyển kinh phí.' : 'Đã ghi nhận dự toán được giao.', 'success');
      await onRecorded();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.fieldErrors.length) showErrors(form, error.fieldErrors);
      else notify(message, error instanceof ApiError ? error.message : 'Không ghi nhận được; vui lòng thử lại.', 'error');
    }
  });
  return form;
}

/**
 * The allocations card of one year: its log, and for an Admin the form. items: the funded items (from GET /api/budget);
 * onRecorded: what to do once an entry is recorded (the dashboard reloads its figures).
 */
export async function allocationsSection(year, items, onRecorded) {
  const [{ entries }, session] = await Promise.all([
    api(`/api/budget/allocations?year=${encodeURIComponent(year)}`, { officer: true }),
    loadSession()]);
  const isAdmin = Boolean(session.officer?.roles?.includes('Admin'));
  return el('section', { class: 'card', 'aria-labelledby': 'h-allocations', id: 'allocations' },
    el('h2', { id: 'h-allocations' }, `Dự toán được giao năm ${year}`),
    el('p', { class: 'muted' }, 'Số kế hoạch là mức trần của Kế hoạch 37/KH-UBND; kinh phí được phê duyệt theo dự toán được giao hằng năm. ' +
      'Năm 2022–2025, khi chưa ghi nhận dự toán, số kế hoạch được dùng làm dự toán.'),
    logTable(entries, year),
    isAdmin
      ? el('div', {}, el('h3', {}, 'Ghi nhận dự toán hoặc điều chuyển'), allocationForm(year, items, onRecorded))
      : el('p', { class: 'muted' }, 'Chỉ quản trị hệ thống được ghi nhận dự toán được giao.'));
}
