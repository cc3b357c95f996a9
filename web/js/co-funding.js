// The task's co-funding from other programmes and sources (lồng ghép): rows of a source from the catalogue's closed
// list (GET /api/catalogue, applicationForm.coFundingSources; "khac" with the source's name) and an amount in đồng, at
// most applicationForm.maxCoFundingSources rows. One editor for the application form, the leader's correction at
// approval and the enterprise's correction when it confirms an order, so each offers what the API accepts
// (coFunding: [{ sourceId, otherName?, amountVnd }]).
import { el } from './dom.js';

export const OTHER = 'khac';

/** The recorded sources of a view ([{ sourceId, name, amountVnd }]) as the editor's rows. */
export function rowsOf(recorded) {
  return (recorded ?? []).map((s) => ({ sourceId: s.sourceId, otherName: s.sourceId === OTHER ? s.name : '', amountVnd: s.amountVnd }));
}

/** "Chương trình khuyến công…: 50.000.000 đồng; …" of recorded sources. */
export function describe(recorded, vnd) {
  return (recorded ?? []).map((s) => `${s.name}: ${vnd(s.amountVnd)}`).join('; ');
}

/** An editor: { element, value() → the body's coFunding list, total() → its sum, changed() → differs from the initial rows }. */
export function coFundingEditor(lists, initial = [], label = 'Kinh phí lồng ghép từ chương trình, nguồn khác (nếu có)') {
  const sources = lists?.coFundingSources ?? [];
  const max = lists?.maxCoFundingSources ?? 10;
  const rows = el('div', { class: 'co-funding-rows' });
  const add = el('button', { type: 'button', class: 'button secondary', dataset: { coFundingAdd: '' } }, 'Thêm nguồn kinh phí');
  const box = el('fieldset', { class: 'field co-funding', dataset: { field: 'coFunding' } },
    el('legend', {}, label),
    el('p', { class: 'hint' }, 'Chương trình khác của thành phố hoặc nguồn khác cùng hỗ trợ nhiệm vụ: chọn trong danh mục, hoặc chọn “Khác” và ghi rõ tên nguồn; nhập số tiền (đồng).'),
    rows, add, el('p', { class: 'field-error', role: 'alert', hidden: true }));
  const addRow = (value = {}) => {
    if (rows.children.length >= max) return;
    const select = el('select', { name: 'coFundingSource', 'aria-label': 'Nguồn kinh phí lồng ghép', required: true },
      [el('option', { value: '' }, '— Chọn nguồn —'), ...sources.map((s) => el('option', { value: s.id }, s.name))]);
    select.value = value.sourceId ?? '';
    const other = el('input', { type: 'text', name: 'coFundingOtherName', 'aria-label': 'Tên nguồn kinh phí khác', placeholder: 'Tên nguồn kinh phí khác', maxlength: 300, value: value.otherName ?? '' });
    const amount = el('input', { type: 'number', name: 'coFundingAmount', 'aria-label': 'Số tiền (đồng)', placeholder: 'Số tiền (đồng)', min: 1, step: 1, inputmode: 'numeric', required: true,
      value: value.amountVnd == null ? '' : String(value.amountVnd) });
    const remove = el('button', { type: 'button', class: 'button secondary' }, 'Bỏ nguồn này');
    const row = el('div', { class: 'co-funding-row', dataset: { coFundingRow: '' } }, select, other, amount, remove);
    const sync = () => { other.hidden = select.value !== OTHER; other.required = select.value === OTHER; };
    select.addEventListener('change', sync);
    sync();
    remove.addEventListener('click', () => { row.remove(); add.hidden = false; box.dispatchEvent(new Event('input', { bubbles: true })); });
    rows.append(row);
    add.hidden = rows.children.length >= max;
  };
  add.addEventListener('click', () => addRow());
  for (const value of initial ?? []) addRow(value);
  const value = () => [...rows.children].map((row) => {
    const [select, other, amount] = row.querySelectorAll('select, input');
    return { sourceId: select.value, ...(select.value === OTHER ? { otherName: other.value } : {}), amountVnd: amount.value === '' ? null : Number(amount.value) };
  });
  const start = JSON.stringify(value());
  return {
    element: box,
    value,
    total: () => value().reduce((sum, s) => sum + (Number.isFinite(s.amountVnd) ? s.amountVnd : 0), 0),
    changed: () => JSON.stringify(value()) !== start,
    set: (list) => { rows.replaceChildren(); for (const v of list ?? []) addRow(v); add.hidden = rows.children.length >= max; },
  };
}
