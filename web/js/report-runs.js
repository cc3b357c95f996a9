// Report runs (periodic and ad-hoc reports to UBND, Bộ KH&CN): without ?id= the runs and the form to open one (kind,
// period, addressee, due date, the request's number and date, the lead units asked); with ?id= one run: its steps
// (figures, each lead unit's input, narrative, approval, the Word report), the narrative editor (saved drafts, one
// editor at a time: a save names the revision it edits and is refused when someone saved in between), the leader's
// decision, the Word download and the signed copy's upload. The run's workflow e-mails, reminds and escalates by itself.
import { el, $, clear, date, dateTime, notify } from './dom.js';
import { field, clearErrors, showErrors, errorSummary } from './forms.js';
import { api, download, ApiError } from './api.js';
import { requireOfficer, officer } from './session.js';
import { officerNav } from './officer-nav.js';

const KINDS = [['sixMonthly', 'Báo cáo 6 tháng'], ['yearly', 'Báo cáo năm'], ['midTermReview', 'Báo cáo sơ kết giai đoạn 2022-2025'], ['adHoc', 'Báo cáo đột xuất']];
const UNITS = [['ttkn', 'Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo'], ['vienktxh', 'Viện Nghiên cứu Phát triển kinh tế - xã hội'],
  ['sct', 'Sở Công Thương'], ['snnptnt', 'Sở Nông nghiệp và Phát triển nông thôn']];
const STATES = { Gathering: 'Đang tổng hợp số liệu', AwaitingLeadUnits: 'Chờ số liệu của đơn vị chủ trì', Drafting: 'Đang soạn nội dung',
  AwaitingApproval: 'Chờ lãnh đạo duyệt', Building: 'Đang lập văn bản', Completed: 'Đã hoàn thành', Cancelled: 'Đã hủy' };
const SECTIONS = [['generalAssessment', 'I. Đánh giá chung'], ['difficulties', 'III. Khó khăn, vướng mắc'],
  ['recommendations', 'IV. Kiến nghị, đề xuất'], ['directions', 'V. Phương hướng, nhiệm vụ thời gian tới']];
const ORDER = ['Gathering', 'AwaitingLeadUnits', 'Drafting', 'AwaitingApproval', 'Building', 'Completed'];
const root = $('#report-runs');
const status = $('#page-status');
const params = new URLSearchParams(location.search);
const runPath = (id, what = '') => `/api/report-runs/${encodeURIComponent(id)}${what ? `/${what}` : ''}`;
const text = (value) => (value === '' ? null : value);

function fail(error, what) {
  notify(status, error instanceof ApiError && error.status === 401 ? 'Phiên đăng nhập đã hết; vui lòng đăng nhập lại.'
    : `${what}: ${error instanceof ApiError ? error.message : 'lỗi kết nối.'}`, 'error');
}

/** A form whose submit runs send(FormData); the API's field errors are shown next to their fields. */
function actionForm(id, title, fields, submitText, send, { secondary } = {}) {
  const form = el('form', { id, class: 'form', novalidate: true }, title ? el('h2', {}, title) : '', errorSummary(), ...fields,
    el('button', { type: 'submit', class: secondary ? 'button secondary' : 'button' }, submitText));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      await send(new FormData(form), form);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) showErrors(form, error.fieldErrors);
      else if (error instanceof ApiError) showErrors(form, [{ message: error.message }]);
      else fail(error, 'Không gửi được');
    }
  });
  return form;
}

async function list() {
  try {
    const data = await api('/api/report-runs', { officer: true });
    root.append(el('h2', {}, 'Các báo cáo'), data.items.length === 0 ? el('p', { class: 'muted', id: 'runs-empty' }, 'Chưa có báo cáo nào.')
      : el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Danh sách báo cáo' }, el('table', { class: 'table', id: 'runs-table' },
        el('thead', {}, el('tr', {}, ['Báo cáo', 'Nơi nhận', 'Hạn gửi', 'Trạng thái'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, data.items.map((r) => el('tr', { dataset: { runId: r.id } },
          el('td', {}, el('a', { href: `bao-cao.html?id=${encodeURIComponent(r.id)}` }, r.title), r.isDepartmentDefault ? ' (mặc định của Sở)' : ''),
          el('td', {}, r.addressee), el('td', {}, date(r.dueDate)), el('td', {}, STATES[r.state] ?? r.state)))))));
  } catch (error) { fail(error, 'Không tải được danh sách báo cáo'); }

  const units = el('fieldset', { class: 'field', dataset: { field: 'leadUnits' } }, el('legend', {}, 'Đơn vị chủ trì được đề nghị gửi số liệu'),
    UNITS.map(([id, name]) => el('label', { class: 'choice' }, el('input', { type: 'checkbox', name: 'leadUnits', value: id }), ' ', name)),
    el('p', { class: 'field-error', role: 'alert', hidden: true }));
  root.append(actionForm('open-run', 'Mở báo cáo mới', [
    field('open', { name: 'kind', label: 'Loại báo cáo', type: 'select', required: true, options: KINDS }),
    field('open', { name: 'periodFrom', label: 'Kỳ báo cáo từ ngày', type: 'date', required: true }),
    field('open', { name: 'periodTo', label: 'Kỳ báo cáo đến ngày', type: 'date', required: true }),
    field('open', { name: 'addressee', label: 'Nơi nhận (Kính gửi)', required: true, value: 'Ủy ban nhân dân thành phố Đà Nẵng',
      hint: 'Ví dụ: Ủy ban nhân dân thành phố Đà Nẵng; Bộ Khoa học và Công nghệ.' }),
    field('open', { name: 'dueDate', label: 'Hạn gửi báo cáo', type: 'date', required: true }),
    field('open', { name: 'dataCutOff', label: 'Số liệu tính đến hết ngày', type: 'date', hint: 'Để trống: ngày cuối kỳ báo cáo.' }),
    field('open', { name: 'requestNumber', label: 'Số, ký hiệu văn bản yêu cầu báo cáo' }),
    field('open', { name: 'requestDate', label: 'Ngày văn bản yêu cầu', type: 'date' }),
    units,
  ], 'Mở báo cáo', async (f) => {
    const created = await api('/api/report-runs', { method: 'POST', officer: true, json: {
      kind: f.get('kind'), periodFrom: text(f.get('periodFrom')), periodTo: text(f.get('periodTo')), addressee: text(f.get('addressee')),
      dueDate: text(f.get('dueDate')), dataCutOff: text(f.get('dataCutOff')), requestNumber: text(f.get('requestNumber')),
      requestDate: text(f.get('requestDate')), leadUnits: f.getAll('leadUnits'),
    } });
    opened(created);
  }));
}

/** After opening: the units' links, shown once (the workflow also e-mails them), and the way to the run. */
function opened(created) {
  clear(root);
  notify(status, `Đã mở ${created.run.title}.`, 'success');
  root.append(el('section', { class: 'card', id: 'opened-run', 'aria-labelledby': 'h-opened' }, el('h2', { id: 'h-opened' }, created.run.title),
    created.leadUnitLinks.length === 0 ? el('p', {}, 'Báo cáo không đề nghị đơn vị chủ trì gửi số liệu.') : [
      el('p', {}, 'Hệ thống đã gửi thư đề nghị cho từng đơn vị chủ trì. Đường dẫn nhập số liệu của từng đơn vị chỉ hiện một lần tại đây, '
        + 'để chuyển cho đơn vị nếu đơn vị chưa nhận được thư (không chuyển cho người khác):'),
      el('ul', { id: 'unit-links' }, created.leadUnitLinks.map((l) => el('li', { dataset: { unitId: l.unitId } }, `${l.unitName}: `,
        el('a', { href: new URL(`..${l.inputPage}`, location.href).href, class: 'unit-link' }, 'trang nhập số liệu của đơn vị')))),
    ],
    el('p', {}, el('a', { href: `bao-cao.html?id=${encodeURIComponent(created.run.id)}`, id: 'open-run-page' }, 'Xem báo cáo và các bước'))));
}

function unitState(u) {
  if (u.submittedAtUtc) return `Đã gửi số liệu ngày ${date(u.submittedAtUtc)} (${u.submittedBy})`;
  if (u.escalatedAtUtc) return `Quá hạn, chưa gửi số liệu (đã báo lãnh đạo phòng ngày ${date(u.escalatedAtUtc)})`;
  if (u.remindedAtUtc) return `Chưa gửi số liệu (đã nhắc ngày ${date(u.remindedAtUtc)})`;
  return u.mailedAtUtc ? `Đã gửi thư đề nghị ngày ${date(u.mailedAtUtc)}` : 'Chưa gửi thư đề nghị';
}

function steps(run) {
  const at = ORDER.indexOf(run.state);
  const mark = (index) => (run.state === 'Cancelled' ? '' : index < at || run.state === 'Completed' ? ' – xong' : index === at ? ' – đang thực hiện' : '');
  return el('section', { class: 'card', 'aria-labelledby': 'h-steps' }, el('h2', { id: 'h-steps' }, 'Các bước'),
    el('ol', { id: 'run-steps' },
      el('li', {}, `Tổng hợp số liệu đến hết ngày ${date(run.dataCutOff)}`, run.figuresVersion ? ' – xong' : mark(0)),
      el('li', {}, 'Số liệu của đơn vị chủ trì', mark(1), run.leadUnits.length === 0 ? ' (không đề nghị đơn vị nào)' : el('ul', { id: 'run-units' },
        run.leadUnits.map((u) => el('li', { dataset: { unitId: u.unitId } }, el('strong', {}, u.unitName), `: ${unitState(u)}`,
          u.figures.length ? el('ul', {}, u.figures.map((f) => el('li', {}, `${f.label}: ${new Intl.NumberFormat('vi-VN').format(f.value)} ${f.unit}`))) : '',
          u.narrative ? el('p', { class: 'muted' }, u.narrative) : '')))),
      el('li', {}, 'Soạn nội dung báo cáo', mark(2), run.narrative.revision ? ` (bản lưu thứ ${run.narrative.revision}, ${run.narrative.savedBy}, ${dateTime(run.narrative.savedAtUtc)})` : ''),
      el('li', {}, 'Lãnh đạo duyệt', mark(3), run.approvedBy ? ` (${run.approvedBy}, ${dateTime(run.approvedAtUtc)})` : ''),
      el('li', {}, 'Lập văn bản báo cáo', run.reportVersion ? ' – xong' : mark(4))),
    run.journal.length ? el('details', {}, el('summary', {}, 'Nhật ký hệ thống'),
      el('ul', { id: 'run-journal' }, run.journal.map((n) => el('li', { class: n.failed ? 'error' : '' }, `${dateTime(n.atUtc)}: ${n.text}`)))) : '');
}

function narrativeEditor(run, reload) {
  const n = run.narrative;
  const form = actionForm('narrative', 'Soạn nội dung báo cáo', [
    el('p', { class: 'hint', id: 'narrative-revision' }, n.revision
      ? `Đang sửa bản lưu thứ ${n.revision} (${n.savedBy}, ${dateTime(n.savedAtUtc)}). Mỗi lần chỉ một người sửa: nếu người khác lưu trong lúc bạn sửa, hệ thống không ghi đè mà báo để bạn tải lại.`
      : 'Chưa có bản lưu. Mỗi lần chỉ một người sửa: nếu người khác lưu trong lúc bạn sửa, hệ thống không ghi đè mà báo để bạn tải lại.'),
    ...SECTIONS.map(([name, label]) => field('narrative', { name, label, type: 'textarea', rows: 6, value: n[name] ?? '' })),
  ], 'Lưu bản nháp', async (f) => {
    try {
      await api(runPath(run.id, 'narrative'), { method: 'POST', officer: true, json: {
        revision: n.revision, ...Object.fromEntries(SECTIONS.map(([name]) => [name, f.get(name)])) } });
    } catch (error) {
      if (error instanceof ApiError && error.problem.code === 'edited_by_someone_else') {
        notify(status, `${error.message} Các phần bạn đang sửa chưa được lưu; hãy chép lại trước khi tải bản mới.`, 'error');
        return;
      }
      throw error;
    }
    await reload('Đã lưu bản nháp.');
  });
  const submit = el('button', { type: 'button', class: 'button secondary', id: 'submit-run' }, 'Trình lãnh đạo duyệt');
  submit.addEventListener('click', async () => {
    try {
      await api(runPath(run.id, 'submit'), { method: 'POST', officer: true, json: {} });
      await reload('Đã trình lãnh đạo duyệt.');
    } catch (error) { fail(error, 'Không trình được'); }
  });
  return [form, el('p', {}, submit, ' (lưu bản nháp trước khi trình)')];
}

function decision(run, reload) {
  return [
    actionForm('approve-run', 'Lãnh đạo duyệt', [el('p', {}, 'Duyệt nội dung: hệ thống lập văn bản báo cáo (Word) theo thể thức Nghị định 30/2020/NĐ-CP.')],
      'Duyệt và lập văn bản', async () => {
        await api(runPath(run.id, 'decision'), { method: 'POST', officer: true, json: { approve: true } });
        await reload('Đã duyệt; văn bản báo cáo đã được lập.');
      }),
    actionForm('return-run', '', [field('return', { name: 'reason', label: 'Lý do trả lại', type: 'textarea', required: true })],
      'Trả lại để chỉnh sửa', async (f) => {
        await api(runPath(run.id, 'decision'), { method: 'POST', officer: true, json: { approve: false, reason: f.get('reason') } });
        await reload('Đã trả lại để chỉnh sửa.');
      }, { secondary: true }),
  ];
}

function completed(run, reload) {
  const word = el('button', { type: 'button', class: 'button', id: 'download-report' }, 'Tải văn bản báo cáo (Word)');
  word.addEventListener('click', () => download(runPath(run.id, 'report'), `${run.title}.docx`, { officer: true }).catch((e) => fail(e, 'Không tải được')));
  const parts = [el('section', { class: 'card', 'aria-labelledby': 'h-report' }, el('h2', { id: 'h-report' }, 'Văn bản báo cáo'), el('p', {}, word))];
  if (run.signedCopyVersion) {
    const signed = el('button', { type: 'button', class: 'button secondary', id: 'download-signed' }, 'Tải bản có chữ ký (PDF)');
    signed.addEventListener('click', () => download(`${runPath(run.id, 'report')}?signed=true`, `${run.title} (bản ký).pdf`, { officer: true })
      .catch((e) => fail(e, 'Không tải được')));
    parts[0].append(el('p', {}, signed));
  }
  parts.push(actionForm('upload-signed', 'Tải lên bản có chữ ký', [
    field('signed', { name: 'file', label: 'Tệp PDF bản đã ký, đóng dấu (tối đa 10 MB)', type: 'file', accept: 'application/pdf', required: true }),
  ], 'Tải lên', async (f) => {
    const file = f.get('file');
    if (!(file instanceof File) || file.size === 0) throw new ApiError(422, { errors: [{ field: 'file', message: 'Chọn tệp PDF bản đã ký.' }] });
    await api(runPath(run.id, 'signed-copy'), { method: 'POST', officer: true, body: file, headers: { 'Content-Type': 'application/pdf' } });
    await reload('Đã tải lên bản có chữ ký.');
  }));
  return parts;
}

async function show(id) {
  let run;
  try { run = await api(runPath(id), { officer: true }); } catch (error) { fail(error, 'Không tải được báo cáo'); return; }
  $('#page-title').textContent = run.title;
  document.title = `${run.title} – Chương trình NSCL Đà Nẵng`;
  const reload = async (message) => { clear(root); await show(id); if (message) notify(status, message, 'success'); };
  const roles = officer()?.roles ?? [];
  const may = (role) => roles.length === 0 || roles.includes(role) || roles.includes('Admin');
  root.append(
    el('p', {}, el('a', { href: 'bao-cao.html' }, '← Các báo cáo')),
    el('dl', { class: 'facts', id: 'run-facts' },
      el('dt', {}, 'Trạng thái'), el('dd', { id: 'run-state' }, STATES[run.state] ?? run.state),
      el('dt', {}, 'Kính gửi'), el('dd', {}, run.addressee),
      el('dt', {}, 'Kỳ báo cáo'), el('dd', {}, `${date(run.periodFrom)} – ${date(run.periodTo)}`),
      el('dt', {}, 'Số liệu tính đến hết ngày'), el('dd', {}, date(run.dataCutOff)),
      el('dt', {}, 'Hạn gửi'), el('dd', {}, date(run.dueDate)),
      el('dt', {}, 'Văn bản yêu cầu'), el('dd', {}, run.requestNumber ? `${run.requestNumber} ngày ${date(run.requestDate)}` : '—'),
      run.returnedReason ? [el('dt', {}, 'Lãnh đạo trả lại'), el('dd', {}, run.returnedReason)] : ''),
    steps(run));
  if (run.state === 'AwaitingLeadUnits' && may('Officer')) {
    const close = el('button', { type: 'button', class: 'button secondary', id: 'close-input' }, 'Ngừng chờ số liệu, chuyển sang soạn nội dung');
    close.addEventListener('click', async () => {
      try { await api(runPath(id, 'close-input'), { method: 'POST', officer: true, json: {} }); await reload('Đã chuyển sang bước soạn nội dung.'); } catch (e) { fail(e, 'Không thực hiện được'); }
    });
    root.append(el('p', {}, close));
  }
  if (run.state === 'Drafting' && may('Officer')) root.append(...narrativeEditor(run, reload));
  if (run.state === 'AwaitingApproval' && may('Leader')) root.append(...decision(run, reload));
  if (run.state === 'Completed') root.append(...completed(run, reload));
}

async function start() {
  if (!requireOfficer()) return;
  officerNav();
  const id = params.get('id');
  if (id) await show(id); else await list();
}

start();
