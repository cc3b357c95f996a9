// The lifecycle actions as forms: Vietnamese labels, the fields of each action's JSON body (README, "The application
// lifecycle"), and how the form's values become that body. Only the actions the view's allowedActions lists are shown.
import { el, notify, vnd, date } from './dom.js';
import { field, errorSummary, showErrors, clearErrors } from './forms.js';
import { api, uploadAttachment, ApiError } from './api.js';
import { coFundingEditor, rowsOf } from './co-funding.js';

const note = (required = false, label = 'Ghi chú') => ({ name: 'note', label, type: 'textarea', required, rows: 3 });
const files = { name: 'attachments', label: 'Tài liệu kèm theo (PDF, DOCX, JPG, PNG; tối đa 10 MB mỗi tệp)', type: 'file', multiple: true, accept: '.pdf,.docx,.jpg,.jpeg,.png' };
const amount = (label, required = false) => ({ name: 'amountVnd', label, type: 'number', min: 1, step: 1, required, inputmode: 'numeric' });
const yesNo = (name, label, yes, no) => ({ name, label, type: 'yesno', required: true, options: [['true', yes], ['false', no]] });

export const ACTIONS = {
  'accept-completeness': { title: 'Xác nhận hồ sơ đầy đủ, hợp lệ', fields: [note()] },
  'request-supplementation': {
    title: 'Yêu cầu bổ sung hồ sơ',
    fields: [{ name: 'missingItems', label: 'Tài liệu cần bổ sung (mỗi dòng một mục)', type: 'textarea', required: true, rows: 3 },
      { name: 'workingDays', label: 'Thời hạn bổ sung (ngày làm việc)', type: 'number', min: 1, max: 60 }, note()],
    body: (v) => ({ missingItems: lines(v.missingItems), workingDays: int(v.workingDays), note: v.note || undefined }),
  },
  resubmit: { title: 'Nộp bổ sung hồ sơ', fields: [note(true, 'Nội dung bổ sung'), files] },
  'submit-appraisal': {
    title: 'Nhập phiếu đánh giá thẩm định',
    // One score and one comment per criterion of the kind's rubric (catalogue); a kind without one keeps a free criterion.
    fields: (ctx) => [yesNo('recommendSupport', 'Đề xuất hỗ trợ?', 'Có', 'Không'), amount('Kinh phí đề xuất (đồng)'),
      ...(ctx.rubrics?.appraisal ? rubricFields(ctx.rubrics.appraisal, true) : freeCriterion), note(false, 'Nhận xét chung')],
    body: (v, ctx) => ({ recommendSupport: v.recommendSupport === 'true', amountVnd: int(v.amountVnd),
      scores: ctx.rubrics?.appraisal ? rubricScores(ctx.rubrics.appraisal, v) : [{ criterion: v.criterion, score: Number(v.score), maxScore: Number(v.maxScore) }],
      note: v.note || undefined }),
    errorField: scoreField,
  },
  approve: {
    title: 'Phê duyệt hỗ trợ',
    fields: [amount('Kinh phí phê duyệt (đồng)', true), { name: 'budgetYear', label: 'Năm ngân sách', type: 'number', min: 2022, max: 2035 }, note()],
    // The task's co-funding as the enterprise declared it, which the leader may correct: sent only when changed.
    setup: (form, view, ctx) => withCoFunding(form, ctx, rowsOf(view?.coFunding), 'Kinh phí lồng ghép từ chương trình, nguồn khác (điều chỉnh nếu cần)'),
    body: (v, ctx) => ({ amountVnd: int(v.amountVnd), budgetYear: int(v.budgetYear), note: v.note || undefined,
      coFunding: ctx.coFunding?.changed() ? ctx.coFunding.value() : undefined }),
  },
  reject: { title: 'Không phê duyệt', fields: [note(true, 'Lý do')] },
  'submit-check-in': {
    title: 'Báo cáo tiến độ',
    fields: [note(true, 'Nội dung báo cáo'), { name: 'percentDone', label: 'Tỷ lệ hoàn thành (%)', type: 'number', min: 0, max: 100, required: true },
      amount('Kinh phí đã chi (đồng)'), files],
    body: (v) => ({ note: v.note, percentDone: int(v.percentDone), amountVnd: int(v.amountVnd) }),
  },
  'review-check-in': {
    title: 'Xem xét báo cáo tiến độ',
    fields: [yesNo('accepted', 'Kết quả xem xét', 'Chấp nhận', 'Yêu cầu sửa báo cáo'), note(false, 'Ghi chú (bắt buộc khi yêu cầu sửa)')],
    body: (v) => ({ accepted: v.accepted === 'true', note: v.note || undefined }),
  },
  'request-extension': {
    title: 'Đề nghị gia hạn',
    fields: [{ name: 'newDueDate', label: 'Hạn mới đề nghị', type: 'date', required: true }, note(true, 'Lý do')],
    body: (v) => ({ newDueDate: v.newDueDate, note: v.note }),
  },
  'decide-extension': {
    title: 'Quyết định gia hạn',
    fields: [yesNo('granted', 'Quyết định', 'Đồng ý gia hạn', 'Không đồng ý'), note(false, 'Ghi chú (bắt buộc khi không đồng ý)')],
    body: (v) => ({ granted: v.granted === 'true', note: v.note || undefined }),
  },
  'submit-final-report': { title: 'Nộp báo cáo tổng kết', fields: [note(true, 'Kết quả thực hiện'), amount('Tổng kinh phí đã chi (đồng)'), files],
    body: (v) => ({ note: v.note, amountVnd: int(v.amountVnd) }) },
  evaluate: {
    title: 'Đánh giá nghiệm thu',
    // The rubric's scores are optional (the minutes may record a verdict only); entered, they decide the verdict.
    fields: (ctx) => [yesNo('passed', 'Kết quả', 'Đạt', 'Không đạt'), amount('Kinh phí quyết toán (đồng, để trống nếu đúng mức phê duyệt)'),
      ...(ctx.rubrics?.evaluation ? rubricFields(ctx.rubrics.evaluation, false) : []), note(false, 'Nhận xét (bắt buộc khi không đạt)')],
    body: (v, ctx) => {
      const scores = ctx.rubrics?.evaluation ? rubricScores(ctx.rubrics.evaluation, v) : [];
      return { passed: v.passed === 'true', amountVnd: int(v.amountVnd), scores: scores.length > 0 && scores.every((x) => Number.isFinite(x.score)) ? scores : undefined,
        note: v.note || undefined };
    },
    errorField: scoreField,
  },
  withdraw: { title: 'Rút hồ sơ', fields: [note(false, 'Lý do')], danger: true },
  'confirm-assignment': {
    title: 'Xác nhận nhận nhiệm vụ',
    // The enterprise may correct its own particulars the officer typed (CONFIRM_FIELDS, exactly what the API accepts);
    // a field left empty is not changed. Never the kind, title, content, amount or budget item the officer fixed.
    fields: () => CONFIRM_FIELDS.filter((name) => name !== 'coFunding').map((name) => CONFIRM_SPECS[name]),
    setup: (form, view, ctx) => {
      withCoFunding(form, ctx, rowsOf(view?.coFunding), 'Kinh phí lồng ghép từ chương trình, nguồn khác (điều chỉnh nếu cần)', (lists) => {
        fill(form.elements.districtId, lists.districts.map((d) => [d.id, d.name]), view?.profile?.districtId);
        fill(form.elements.sectorCode, lists.sectors.map((x) => [x.code, `${x.code} – ${x.name}`]), view?.profile?.sectorCode);
        fill(form.elements.revenueBandId, lists.revenueBands.map((b) => [b.id, b.name]), view?.profile?.revenueBandId);
      });
      const p = view?.profile ?? {};
      const current = { contactName: view?.contactName, legalRepresentativeName: p.legalRepresentativeName, legalRepresentativePosition: p.legalRepresentativePosition,
        address: p.address, employees: p.employees, ownContributionVnd: p.ownContributionVnd };
      for (const [name, value] of Object.entries(current)) if (value != null && form.elements[name]) form.elements[name].placeholder = String(value);
    },
    body: (v, ctx) => {
      const body = { note: v.note || undefined };
      for (const name of CONFIRM_FIELDS.filter((n) => n !== 'note' && n !== 'coFunding')) {
        const value = String(v[name] ?? '').trim();
        if (value !== '') body[name] = CONFIRM_SPECS[name].type === 'number' ? Number(value) : value;
      }
      if (ctx.coFunding?.changed()) body.coFunding = ctx.coFunding.value();
      return body;
    },
    auditText: { Assigned: 'Sở đặt hàng, giao nhiệm vụ', AssignmentConfirmed: 'Doanh nghiệp xác nhận nhận nhiệm vụ' },
  },
  cancel: { title: 'Hủy hỗ trợ', fields: [note(true, 'Lý do')], danger: true },
  'add-note': { title: 'Ghi chú vào hồ sơ', fields: [note(true, 'Nội dung ghi chú (chỉ cán bộ xem được)')], auditText: { NoteAdded: 'Ghi chú của cán bộ' } },
  'record-signed-decision': {
    title: 'Ghi nhận quyết định đã ký',
    fields: [{ name: 'signedFile', label: 'Tệp quyết định đã ký (PDF, tối đa 10 MB)', type: 'file', accept: '.pdf,application/pdf', required: true },
      { name: 'signedOn', label: 'Ngày ký', type: 'date', required: true },
      { name: 'signerName', label: 'Họ tên người ký', required: true }, { name: 'signerTitle', label: 'Chức vụ người ký', value: 'Phó Giám đốc', required: true }],
    body: (v) => ({ signedOn: v.signedOn, signerName: v.signerName, signerTitle: v.signerTitle }),
    fileInto: 'signedFile', // the uploaded PDF's stored name goes in this field (not in attachments); the system gives the number
  },
  'record-signed-recognition': {
    title: 'Ghi nhận quyết định công nhận kết quả đã ký',
    fields: [{ name: 'signedFile', label: 'Tệp quyết định công nhận đã ký (PDF, tối đa 10 MB)', type: 'file', accept: '.pdf,application/pdf', required: true },
      { name: 'signedOn', label: 'Ngày ký', type: 'date', required: true },
      { name: 'signerName', label: 'Họ tên người ký', required: true }, { name: 'signerTitle', label: 'Chức vụ người ký', value: 'Phó Giám đốc', required: true }],
    body: (v) => ({ signedOn: v.signedOn, signerName: v.signerName, signerTitle: v.signerTitle }),
    fileInto: 'signedFile', // as record-signed-decision: the uploaded PDF's stored name; the register gives the number
  },
  'record-payment': {
    title: 'Ghi nhận chi trả kinh phí',
    // The open payables of the view: the amount is the chosen payable's whole amount (partial payments are not taken).
    fields: ({ view }) => {
      const open = openPayables(view);
      return [
        { name: 'payableId', label: 'Đợt kinh phí được chi trả', type: 'select', required: true,
          options: open.map((p) => [p.id, `${payableName(p)}: ${vnd(p.amountVnd)} (hạn chi trả ${date(p.dueUtc)})`]) },
        { name: 'paidOn', label: 'Ngày chi trả', type: 'date', required: true, value: today(), max: today() },
        { ...amount('Số tiền chi trả (đồng)', true), value: open[0] ? String(open[0].amountVnd) : undefined },
        { name: 'treasuryReference', label: 'Số chứng từ, mã giao dịch Kho bạc', required: true, maxlength: 100 },
        { name: 'paymentFile', label: 'Chứng từ chi trả (ủy nhiệm chi, PDF, không bắt buộc)', type: 'file', accept: '.pdf,application/pdf' },
        note(false, 'Ghi chú (chỉ cán bộ xem được)'),
      ];
    },
    setup: (form, view) => {
      const open = openPayables(view);
      form.elements.payableId?.addEventListener('change', () => {
        const chosen = open.find((p) => p.id === form.elements.payableId.value);
        if (chosen) form.elements.amountVnd.value = String(chosen.amountVnd);
      });
    },
    body: (v) => ({ payableId: v.payableId, paidOn: v.paidOn, amountVnd: int(v.amountVnd), treasuryReference: v.treasuryReference, note: v.note || undefined }),
    fileInto: 'paymentFile', // the voucher's stored name (optional)
  },
};

/**
 * The fields of confirm-assignment's body (ConfirmAssignment.Body): the page offers exactly these and the API accepts
 * exactly these (WebTextsTests). coFunding is the co-funding editor; the others are CONFIRM_SPECS.
 */
export const CONFIRM_FIELDS = ['note', 'contactName', 'contactEmail', 'phone', 'legalRepresentativeName', 'legalRepresentativePosition', 'address',
  'districtId', 'sectorCode', 'employees', 'revenueBandId', 'ownContributionVnd', 'coFunding'];

const keep = 'Để trống nếu không thay đổi.';
const CONFIRM_SPECS = {
  note: note(false, 'Ý kiến của doanh nghiệp (nếu có)'),
  contactName: { name: 'contactName', label: 'Người liên hệ', hint: keep, autocomplete: 'name' },
  contactEmail: { name: 'contactEmail', label: 'Email liên hệ', type: 'email', hint: keep, autocomplete: 'email' },
  phone: { name: 'phone', label: 'Số điện thoại', type: 'tel', hint: keep, autocomplete: 'tel' },
  legalRepresentativeName: { name: 'legalRepresentativeName', label: 'Người đại diện theo pháp luật', hint: keep },
  legalRepresentativePosition: { name: 'legalRepresentativePosition', label: 'Chức vụ người đại diện', hint: keep },
  address: { name: 'address', label: 'Địa chỉ trụ sở chính', hint: keep, autocomplete: 'street-address' },
  districtId: { name: 'districtId', label: 'Địa bàn (quận, huyện)', type: 'select', options: [['', '— Không thay đổi —']] },
  sectorCode: { name: 'sectorCode', label: 'Ngành kinh tế chính (VSIC cấp 2)', type: 'select', options: [['', '— Không thay đổi —']] },
  employees: { name: 'employees', label: 'Số lao động', type: 'number', min: 0, step: 1, inputmode: 'numeric', hint: keep },
  revenueBandId: { name: 'revenueBandId', label: 'Doanh thu năm trước', type: 'select', options: [['', '— Không thay đổi —']] },
  ownContributionVnd: { name: 'ownContributionVnd', label: 'Kinh phí đối ứng của doanh nghiệp (đồng)', type: 'number', min: 0, step: 1, inputmode: 'numeric', hint: keep },
};

/** Adds the co-funding editor (lists from GET /api/catalogue) before the form's button; ctx.coFunding is the editor. */
function withCoFunding(form, ctx, initial, label, then) {
  api('/api/catalogue').then((catalogue) => {
    const lists = catalogue.applicationForm;
    ctx.coFunding = coFundingEditor(lists, initial, label);
    form.querySelector('button[type=submit]').before(ctx.coFunding.element);
    then?.(lists);
  }).catch(() => { /* without the lists the co-funding is left as it is */ });
}

/** A select's options after its first ("no change"), the current value named. */
function fill(select, options, current) {
  if (!select) return;
  select.append(...options.map(([value, text]) => el('option', { value }, value === current ? `${text} (hiện tại)` : text)));
}

/** The payables of a view not paid yet, oldest first. */
export function openPayables(view) { return (view?.lifecycle?.payables ?? []).filter((p) => !p.payment); }

/** How a payable is named: "Đợt 1 (báo cáo định kỳ lần 1)", "Đợt cuối (nghiệm thu)". */
export function payableName(p) { return p.checkIn ? `Đợt ${p.checkIn} (báo cáo định kỳ lần ${p.checkIn})` : 'Đợt cuối (nghiệm thu)'; }

/** Today's date in Đà Nẵng (yyyy-MM-dd), the latest a payment may be dated. */
function today() { return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10); }

/** How the history names the entries an action records (auditText of its spec), beside the lifecycle's own (application-view.js). */
export const AUDIT_TEXT = Object.assign({}, ...Object.values(ACTIONS).map((spec) => spec.auditText ?? {}));

const freeCriterion = [{ name: 'criterion', label: 'Tiêu chí', value: 'Tính khả thi', required: true },
  { name: 'score', label: 'Điểm', type: 'number', min: 0, required: true }, { name: 'maxScore', label: 'Điểm tối đa', type: 'number', min: 1, value: '100', required: true }];

/** A score (0 to the criterion's maximum) and a comment per criterion of a rubric; the hint says what decides. */
function rubricFields(rubric, required) {
  const rule = { name: `rubric-${rubric.id}`, type: 'note', text: `${rubric.name}: đạt khi tổng điểm từ ${rubric.passTotal}/${rubric.maxTotal} và các tiêu chí bắt buộc đạt điểm tối thiểu.` };
  return [rule, ...rubric.criteria.flatMap((c) => [
    { name: `score:${c.id}`, label: `${c.name} (tối đa ${c.maxScore} điểm)`, type: 'number', min: 0, max: c.maxScore, step: 0.5, required, inputmode: 'decimal',
      hint: c.mandatory ? `Tiêu chí bắt buộc: tối thiểu ${c.minScore ?? 0} điểm.` : undefined },
    { name: `comment:${c.id}`, label: 'Nhận xét', type: 'textarea', rows: 2 },
  ])];
}

function rubricScores(rubric, v) {
  return rubric.criteria.filter((c) => v[`score:${c.id}`] !== '' && v[`score:${c.id}`] !== undefined)
    .map((c) => ({ criterion: c.id, score: Number(v[`score:${c.id}`]), comment: v[`comment:${c.id}`] || undefined }));
}

/** A field error of scores (scores.{criterion}) goes under that criterion's score; of the free criterion, under its score. */
function scoreField(f) {
  const match = /^scores\.(.+)$/.exec(f);
  if (match) return `score:${match[1]}`;
  return f.startsWith('scores') ? 'score' : f;
}

function lines(text) { return String(text ?? '').split('\n').map((s) => s.trim()).filter(Boolean); }
function int(text) { return text === '' || text === undefined ? undefined : Math.round(Number(text)); }

/**
 * A form per allowed action. caller: { access } (enterprise) or { officer: true }; onDone(action) after a 202.
 * version: the view's version, sent as If-Match so an action taken on a file someone has changed since is refused
 * (412); onStale(problem) then reloads the page (see staleNotice).
 */
export function actionForms(applicationId, allowedActions, caller, onDone, { version, onStale, rubrics, view } = {}) {
  return allowedActions.filter((a) => ACTIONS[a]).map((name) => actionForm(applicationId, name, caller, onDone, { version, onStale, rubrics, view }));
}

/** What changed between the view a person acted on and the file now (after a 412 stale_version). */
export function staleNotice(before, now) {
  const what = before.statusText === now.statusText ? `vẫn ở trạng thái "${now.statusText}" nhưng đã có bước xử lý mới`
    : `chuyển từ "${before.statusText}" sang "${now.statusText}"`;
  return `Hồ sơ vừa được cập nhật trước thao tác của bạn: ${what}. Thao tác của bạn chưa được thực hiện; trang đã được tải lại, vui lòng xem lại rồi thao tác lại nếu vẫn cần.`;
}

function actionForm(applicationId, name, caller, onDone, { version, onStale, rubrics, view }) {
  const spec = ACTIONS[name];
  // What a form may be built from: the kind's rubrics (score sheets), the view (open payables).
  const ctx = { rubrics, view };
  const fields = typeof spec.fields === 'function' ? spec.fields(ctx) : spec.fields;
  const status = el('p', { class: 'notice', role: 'status', hidden: true });
  const form = el('form', { class: 'action-form', novalidate: true, dataset: { action: name } },
    errorSummary(),
    fields.map((f) => (f.type === 'note' ? el('p', { class: 'hint', dataset: { rubric: f.name } }, f.text) : field(name, f))),
    el('button', { type: 'submit', class: spec.danger ? 'button danger' : 'button' }, spec.title),
    status);
  spec.setup?.(form, view, ctx);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!form.checkValidity()) {
      const invalid = [...form.elements].filter((c) => c.willValidate && !c.validity.valid);
      showErrors(form, invalid.map((c) => ({ field: c.name, message: c.validationMessage || 'Giá trị chưa hợp lệ.' })));
      return;
    }
    const values = Object.fromEntries([...new FormData(form)].filter(([, v]) => typeof v === 'string'));
    const body = spec.body ? spec.body(values, ctx) : { note: values.note || undefined };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const chosen = form.querySelector('input[type=file]')?.files ?? [];
      if (chosen.length > 0) {
        const names = [];
        for (const file of chosen) names.push((await uploadAttachment(applicationId, file, caller)).name);
        if (spec.fileInto) body[spec.fileInto] = names[0]; else body.attachments = names;
      }
      const headers = version === undefined ? {} : { 'If-Match': `"${version}"` };
      await api(`/api/applications/${encodeURIComponent(applicationId)}/actions/${name}`, { method: 'POST', json: body, headers, ...caller });
      notify(status, 'Đã gửi. Đang cập nhật hồ sơ…', 'success');
      await onDone(name);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && onStale) {
        await onStale(error.problem);
      } else if (error instanceof ApiError && error.fieldErrors.length > 0) {
        showErrors(form, error.fieldErrors.map((e) => ({ ...e, field: spec.errorField ? spec.errorField(e.field) : e.field === 'file' ? (spec.fileInto ?? 'attachments') : e.field })));
      } else {
        notify(status, error instanceof ApiError ? `${error.problem.title ?? 'Lỗi'}: ${error.message}` : 'Không kết nối được máy chủ; vui lòng thử lại.', 'error');
      }
    } finally {
      button.disabled = false;
    }
  });
  return el('section', { class: 'card action', 'aria-labelledby': `h-${name}` }, el('h3', { id: `h-${name}` }, spec.title), form);
}
