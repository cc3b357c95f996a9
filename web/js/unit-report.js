// A lead unit's input to a report run, opened through the secret link the run's e-mail carries:
// don-vi/bao-cao.html#run=…&unit=…&access=…. The token stays in the fragment (browsers never send it to a server) and
// goes to the API in the X-Access-Token header. The unit enters its figures (indicator, value, unit of measure) and its
// assessment once; afterwards the page shows what it sent.
import { el, $, clear, date, dateTime, notify } from './dom.js';
import { field, clearErrors, showErrors, errorSummary } from './forms.js';
import { api, ApiError } from './api.js';

const params = new URLSearchParams(location.hash.slice(1));
const runId = params.get('run');
const unitId = params.get('unit');
const caller = { access: params.get('access') };
const root = $('#unit-report');
const status = $('#page-status');
const path = () => `/api/report-runs/${encodeURIComponent(runId)}/units/${encodeURIComponent(unitId)}`;
const numbers = new Intl.NumberFormat('vi-VN');

function figureRow(index) {
  return el('fieldset', { class: 'figure-row', dataset: { figure: index } }, el('legend', {}, `Chỉ tiêu ${index + 1}`),
    field(`figure${index}`, { name: `label${index}`, label: 'Tên chỉ tiêu' }),
    field(`figure${index}`, { name: `value${index}`, label: 'Số liệu', type: 'number', step: 'any', inputmode: 'decimal' }),
    field(`figure${index}`, { name: `unit${index}`, label: 'Đơn vị tính', hint: 'Ví dụ: doanh nghiệp, lượt người, triệu đồng.' }));
}

function sent(view) {
  return el('section', { class: 'card', id: 'unit-sent', 'aria-labelledby': 'h-sent' }, el('h2', { id: 'h-sent' }, 'Số liệu đơn vị đã gửi'),
    el('p', {}, `Gửi ngày ${dateTime(view.submittedAtUtc)}.`),
    view.figures.length ? el('ul', {}, view.figures.map((f) => el('li', {}, `${f.label}: ${numbers.format(f.value)} ${f.unit}`))) : '',
    view.narrative ? el('p', {}, view.narrative) : '');
}

function inputForm() {
  const rows = el('div', { id: 'figure-rows' }, figureRow(0));
  const more = el('button', { type: 'button', class: 'button secondary', id: 'add-figure' }, 'Thêm chỉ tiêu');
  more.addEventListener('click', () => {
    const row = figureRow(rows.children.length);
    rows.append(row);
    row.querySelector('input').focus();
  });
  const form = el('form', { id: 'unit-input', class: 'form', novalidate: true }, el('h2', {}, 'Số liệu và đánh giá của đơn vị'), errorSummary(),
    field('unit', { name: 'submittedBy', label: 'Họ tên người gửi', required: true, autocomplete: 'name' }),
    rows, el('p', {}, more),
    field('unit', { name: 'narrative', label: 'Đánh giá kết quả thực hiện, khó khăn, kiến nghị của đơn vị', type: 'textarea', rows: 8 }),
    el('button', { type: 'submit', class: 'button' }, 'Gửi số liệu'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const f = new FormData(form);
    const figures = [...rows.children].map((_, i) => ({ label: f.get(`label${i}`)?.trim() ?? '', value: f.get(`value${i}`), unit: f.get(`unit${i}`)?.trim() ?? '' }))
      .filter((x) => x.label !== '' || x.value !== '')
      .map((x) => ({ label: x.label, value: x.value === '' ? null : Number(x.value), unit: x.unit }));
    try {
      const answer = await api(path(), { method: 'POST', access: caller.access, json: { submittedBy: f.get('submittedBy'), figures, narrative: f.get('narrative') || null } });
      notify(status, 'Sở Khoa học và Công nghệ đã nhận số liệu của đơn vị. Xin cảm ơn.', 'success');
      await render(answer);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) showErrors(form, error.fieldErrors);
      else if (error instanceof ApiError) showErrors(form, [{ message: error.message }]);
      else notify(status, 'Không gửi được; vui lòng thử lại.', 'error');
    }
  });
  return form;
}

async function render(view) {
  $('#page-title').textContent = `${view.title}: số liệu của ${view.unitName}`;
  clear(root).append(
    el('dl', { class: 'facts', id: 'unit-facts' },
      el('dt', {}, 'Báo cáo'), el('dd', {}, view.title),
      el('dt', {}, 'Kính gửi'), el('dd', {}, view.addressee),
      el('dt', {}, 'Kỳ báo cáo'), el('dd', {}, `${date(view.periodFrom)} – ${date(view.periodTo)}`),
      el('dt', {}, 'Hạn gửi số liệu'), el('dd', {}, date(view.deadline))),
    view.submittedAtUtc ? sent(view) : view.canSubmit ? inputForm()
      : el('p', { class: 'notice', id: 'unit-closed' }, 'Báo cáo không còn nhận số liệu của đơn vị. Vui lòng liên hệ Sở Khoa học và Công nghệ.'));
}

async function start() {
  if (!runId || !unitId || !caller.access) {
    notify(status, 'Đường dẫn không đầy đủ. Vui lòng dùng đường dẫn trong thư của Sở Khoa học và Công nghệ.', 'error');
    return;
  }
  try {
    await render(await api(path(), caller));
  } catch (error) {
    notify(status, error instanceof ApiError && error.status === 404
      ? 'Không tìm thấy báo cáo: đường dẫn sai hoặc không còn hiệu lực. Vui lòng liên hệ Sở Khoa học và Công nghệ.'
      : 'Không tải được trang; vui lòng thử lại.', 'error');
  }
}

start();
