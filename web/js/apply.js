// The application form: kinds from the catalogue (description, cap with its source, who handles it and, for support
// funded from another programme, where the money comes from), for expert training the persons nominated (and a public
// body may nominate without an enterprise code), checks in the page, the server's
// 422 errors next to their fields, a draft kept in localStorage and in a link (#draft=… in the fragment, which never
// reaches a server), attachments uploaded after the submission with the new application's access token: one file for
// each document the kind requires (sent as that document, X-Document-Kind) and any others.
// The task's co-funding from other programmes (rows of co-funding.js) and its total cost shown as it is typed.
// The legal representative, head office, district, sector, size, own contribution and duration: the closed lists
// (districts, VSIC sectors, revenue bands) and each kind's duration and documents come from GET /api/catalogue, the
// lists the API checks against, so the page offers exactly what the API accepts.
// A draft holds the form's values only, never an Idempotency-Key: a repeat of a submission is answered with its access
// link, so a shareable draft with the key would be a shareable link. The key is made when the enterprise presses
// "Nộp hồ sơ" and kept in sessionStorage (this tab) for retries of that one submission: same values, same key.
// Calls (đợt tuyển chọn): the choice offers the kinds the catalogue marks rolling, and each kind of a call that
// receives applications now (GET /api/calls/open), named with the call's title and close date; choosing a call's kind
// sends its callId and asks for the documents the call requires. A kind selected by call only, without an open call,
// is not offered: the page offers what the API accepts. The choice's value is "kind" or "kind@call".
import { el, $, vnd, date, notify, clear } from './dom.js';
import { field, errorSummary, showErrors, clearErrors } from './forms.js';
import { api, uploadAttachment, ApiError } from './api.js';
import { coFundingEditor } from './co-funding.js';

const DRAFT_KEY = 'nscl.draft';
const SUBMISSION_KEY = 'nscl.submission';
const MAX_FILE = 10 * 1024 * 1024;
const FILE_TYPES = /\.(pdf|docx|jpe?g|png)$/i;
const form = $('#application-form');
const status = $('#page-status');

const FIELDS = [
  { name: 'enterpriseCode', label: 'Mã số doanh nghiệp', required: true, hint: '10 chữ số, hoặc 10 chữ số-3 chữ số cho đơn vị phụ thuộc; ví dụ 0401234567.', pattern: '\\d{10}(-\\d{3})?', inputmode: 'numeric' },
  { name: 'enterpriseName', label: 'Tên doanh nghiệp', required: true, autocomplete: 'organization' },
  { name: 'contactName', label: 'Người liên hệ', required: true, autocomplete: 'name', hint: 'Người Sở liên hệ khi xử lý hồ sơ; có thể khác người đại diện theo pháp luật.' },
  { name: 'contactEmail', label: 'Email liên hệ', type: 'email', required: true, autocomplete: 'email' },
  { name: 'phone', label: 'Số điện thoại', type: 'tel', required: true, autocomplete: 'tel', hint: 'Ví dụ 0236 3822 000.' },
];

// The legal representative and the head office (catalogue lists filled in start()).
const PARTY = [
  { name: 'legalRepresentativeName', label: 'Người đại diện theo pháp luật', required: true, hint: 'Họ và tên, như trên giấy chứng nhận đăng ký doanh nghiệp (cơ quan nhà nước: thủ trưởng đơn vị).' },
  { name: 'legalRepresentativePosition', label: 'Chức vụ người đại diện', required: true, hint: 'Ví dụ: Giám đốc, Tổng giám đốc, Chủ tịch Hội đồng quản trị.' },
  { name: 'address', label: 'Địa chỉ trụ sở chính', required: true, autocomplete: 'street-address', hint: 'Số nhà, đường, phường/xã; ví dụ: 15 Bạch Đằng, phường Hải Châu.' },
  { name: 'districtId', label: 'Địa bàn (quận, huyện)', type: 'select', required: true },
];
const SIZE = [
  { name: 'sectorCode', label: 'Ngành kinh tế chính (VSIC cấp 2)', type: 'select', required: true, hint: 'Ngành cấp 2 theo Hệ thống ngành kinh tế Việt Nam (Quyết định 27/2018/QĐ-TTg).' },
  { name: 'employees', label: 'Số lao động', type: 'number', required: true, min: 0, step: 1, inputmode: 'numeric', hint: 'Số lao động tham gia bảo hiểm xã hội bình quân năm trước.' },
  { name: 'revenueBandId', label: 'Doanh thu năm trước', type: 'select', required: true, hint: 'Theo mốc của Nghị định 80/2021/NĐ-CP về tiêu chí doanh nghiệp nhỏ và vừa.' },
];
const TASK = [
  { name: 'title', label: 'Tên nhiệm vụ', required: true },
  { name: 'summary', label: 'Tóm tắt nội dung', type: 'textarea', required: true, rows: 6, hint: 'Mục tiêu, nội dung chính, kết quả dự kiến (ít nhất 20 ký tự).' },
  { name: 'requestedAmountVnd', label: 'Kinh phí đề nghị hỗ trợ (đồng)', type: 'number', required: true, min: 1, step: 1, inputmode: 'numeric' },
  { name: 'ownContributionVnd', label: 'Kinh phí đối ứng của doanh nghiệp (đồng)', type: 'number', required: true, min: 0, step: 1, inputmode: 'numeric', hint: 'Phần kinh phí doanh nghiệp tự bảo đảm; nhập 0 nếu không có.' },
  { name: 'durationMonths', label: 'Thời gian thực hiện (tháng)', type: 'number', required: true, min: 1, step: 1, inputmode: 'numeric' },
];
const NUMBERS = ['requestedAmountVnd', 'ownContributionVnd', 'employees', 'durationMonths'];
// Sector and size are an enterprise's: a public body nominating persons may leave them out.
const ENTERPRISE_ONLY = ['enterpriseCode', 'sectorCode', 'employees', 'revenueBandId'];

// Shown for kinds that nominate persons (expert training, I.2): who nominates, and the persons, one a line.
const ORGANISATION = { name: 'organisationType', label: 'Đơn vị đề cử là', type: 'select', required: true,
  options: [['enterprise', 'Doanh nghiệp'], ['public-body', 'Cơ quan, đơn vị nhà nước (sở, ban, ngành, UBND quận, huyện…)']],
  hint: 'Cơ quan, đơn vị nhà nước không cần mã số doanh nghiệp; nhập tên cơ quan vào ô “Tên doanh nghiệp”.' };
const NOMINEES = { name: 'nominees', label: 'Danh sách người được đề cử', type: 'textarea', required: true, rows: 4,
  hint: 'Mỗi dòng một người: Họ và tên; Chức vụ; Cơ quan, đơn vị công tác. Ví dụ: Nguyễn Văn An; Chuyên viên; Sở Xây dựng thành phố Đà Nẵng.' };
const FIELD_NAMES = new Set(['supportKindId', ORGANISATION.name, NOMINEES.name, ...[...FIELDS, ...PARTY, ...SIZE, ...TASK].map((f) => f.name)]);
let kinds = [];
let lists = null;
let coFunding = null;
let openCalls = [];

/** The kind and the call (null: none) of the choice's value "kind" or "kind@call". */
function choiceOf(value) {
  const [kindId, callId] = String(value ?? '').split('@');
  return { kind: kinds.find((k) => k.id === kindId) ?? null, call: callId ? openCalls.find((c) => c.id === callId) ?? null : null, kindId, callId: callId ?? null };
}

async function start() {
  try {
    const catalogue = await api('/api/catalogue');
    kinds = catalogue.supportKinds;
    lists = catalogue.applicationForm;
    openCalls = (await api('/api/calls/open')).calls;
  } catch {
    notify(status, 'Không tải được danh mục nội dung hỗ trợ; vui lòng tải lại trang.', 'error');
    return;
  }
  const callChoices = openCalls.flatMap((c) => c.supportKinds.filter((k) => kinds.some((known) => known.id === k.id))
    .map((k) => [`${k.id}@${c.id}`, `${k.name} — ${c.title} (nhận hồ sơ đến hết ngày ${date(`${c.closesOn}T12:00:00+07:00`)})`]));
  const kindField = field('apply', { name: 'supportKindId', label: 'Nội dung hỗ trợ', type: 'select', required: true,
    hint: 'Nội dung nhận hồ sơ quanh năm, và nội dung của các đợt tuyển chọn đang nhận hồ sơ (ghi tên đợt và hạn nộp).',
    options: [['', '— Chọn nội dung hỗ trợ —'], ...kinds.filter((k) => k.rolling !== false).map((k) => [k.id, k.name]), ...callChoices] });
  const kindInfo = el('div', { id: 'kind-info', class: 'kind-info', 'aria-live': 'polite' });
  PARTY[3].options = [['', '— Chọn địa bàn —'], ...lists.districts.map((d) => [d.id, d.name])];
  PARTY[3].hint = 'Quận, huyện nơi đặt trụ sở theo địa giới trước ngày 01/07/2025 (gồm cả địa bàn tỉnh Quảng Nam cũ).';
  SIZE[0].options = [['', '— Chọn ngành —'], ...lists.sectors.map((s) => [s.code, `${s.code} – ${s.name}`])];
  SIZE[1].max = lists.maxEmployees;
  SIZE[2].options = [['', '— Chọn khoảng doanh thu —'], ...lists.revenueBands.map((b) => [b.id, b.name])];
  // The task's co-funding from other programmes (lồng ghép) and its total cost: support + own contribution + co-funding.
  coFunding = coFundingEditor(lists);
  const totalCost = el('p', { id: 'total-cost', class: 'hint', 'aria-live': 'polite' });
  const requiredDocs = el('div', { id: 'required-documents' });
  const files = field('apply', { name: 'attachments', label: 'Tài liệu khác (nếu có)', type: 'file', multiple: true, accept: '.pdf,.docx,.jpg,.jpeg,.png',
    hint: 'PDF, DOCX, JPG hoặc PNG; tối đa 10 MB mỗi tệp. Tệp không lưu trong bản nháp: chọn lại khi nộp.' });
  const saveButton = el('button', { type: 'button', class: 'button secondary', id: 'save-draft' }, 'Lưu nháp');
  const copyButton = el('button', { type: 'button', class: 'button secondary', id: 'copy-draft-link' }, 'Sao chép liên kết bản nháp');
  const draftLink = el('p', { id: 'draft-link', class: 'muted', hidden: true });
  form.append(errorSummary(), el('fieldset', {}, el('legend', {}, 'Nội dung đề nghị'), kindField, kindInfo),
    el('fieldset', { id: 'persons', hidden: true }, el('legend', {}, 'Người được đề cử'), field('apply', ORGANISATION), field('apply', NOMINEES)),
    el('fieldset', {}, el('legend', {}, 'Doanh nghiệp'), FIELDS.map((f) => field('apply', f))),
    el('fieldset', {}, el('legend', {}, 'Người đại diện và trụ sở'), PARTY.map((f) => field('apply', f))),
    el('fieldset', {}, el('legend', {}, 'Ngành nghề và quy mô'), SIZE.map((f) => field('apply', f))),
    el('fieldset', {}, el('legend', {}, 'Nhiệm vụ'), TASK.map((f) => field('apply', f)), coFunding.element, totalCost),
    el('fieldset', {}, el('legend', {}, 'Tài liệu'), requiredDocs, files),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button' }, 'Nộp hồ sơ'), saveButton, copyButton), draftLink);

  const select = form.elements.supportKindId;
  const persons = $('#persons');
  const showKind = () => {
    const { kind, call } = choiceOf(select.value);
    const amount = form.elements.requestedAmountVnd;
    const nominating = kind?.nominatesPersons === true;
    persons.hidden = !nominating;
    for (const control of [form.elements.organisationType, form.elements.nominees]) control.disabled = !nominating;
    const publicBody = nominating && form.elements.organisationType.value === 'public-body';
    for (const name of ENTERPRISE_ONLY) form.elements[name].required = !publicBody;
    const months = kind?.durationMonths ?? { min: 1, max: null };
    form.elements.durationMonths.min = months.min;
    if (months.max) form.elements.durationMonths.max = months.max; else form.elements.durationMonths.removeAttribute('max');
    if (requiredDocs.dataset.kind !== select.value) {
      requiredDocs.dataset.kind = select.value;
      clear(requiredDocs);
      // A call's documents are those it requires (among the kind's); otherwise the kind's.
      const docs = call ? call.requiredDocuments.filter((d) => (kind?.requiredDocuments ?? []).some((k) => k.id === d.id)) : kind?.requiredDocuments ?? [];
      if (docs.length > 0) {
        requiredDocs.append(el('p', {}, 'Tài liệu bắt buộc của nội dung này (mỗi tài liệu một tệp):'),
          ...docs.map((d) => field('apply', { name: `document-${d.id}`, label: d.name, type: 'file', required: true, accept: '.pdf,.docx,.jpg,.jpeg,.png' })));
      }
    }
    clear(kindInfo);
    if (kind) {
      if (call) {
        kindInfo.append(el('p', { class: 'call-info' }, el('strong', {}, 'Đợt tuyển chọn: '), call.title,
          ` — nhận hồ sơ đến hết ngày ${date(`${call.closesOn}T12:00:00+07:00`)}; các hồ sơ của đợt được thẩm định cùng nhau sau khi hết hạn nhận hồ sơ.`));
      }
      kindInfo.append(el('p', {}, kind.description));
      if (kind.funding === 'integrated') {
        kindInfo.append(el('p', { class: 'funding-integrated' }, el('strong', {}, 'Nguồn kinh phí: '),
          `kinh phí lồng ghép từ ${kind.fundedFrom}; không sử dụng kinh phí của Kế hoạch 37/KH-UBND.`));
      } else {
        kindInfo.append(el('p', {}, el('strong', {}, 'Mức hỗ trợ tối đa: '), kind.cap ? kind.cap.text : 'theo quyết định phê duyệt'));
      }
      if (kind.unitName) kindInfo.append(el('p', {}, el('strong', {}, 'Đơn vị xử lý hồ sơ: '), kind.unitName));
      if (kind.durationMonths) kindInfo.append(el('p', {}, el('strong', {}, 'Thời gian thực hiện: '), `từ ${kind.durationMonths.min} đến ${kind.durationMonths.max} tháng.`));
    }
    const cap = kind?.cap ? kind.cap.amountVnd * (kind.cap.per === 'person' ? Math.max(1, nomineeList().length) : 1) : null;
    if (cap) amount.max = cap; else amount.removeAttribute('max');
  };
  const showTotal = () => {
    const amount = (name) => (Number.isFinite(Number(form.elements[name].value)) ? Number(form.elements[name].value) : 0);
    const total = amount('requestedAmountVnd') + amount('ownContributionVnd') + coFunding.total();
    totalCost.textContent = total > 0 ? `Tổng kinh phí thực hiện nhiệm vụ (hỗ trợ đề nghị, đối ứng và lồng ghép): ${vnd(total)}.` : '';
  };
  form.addEventListener('input', showTotal);
  form.addEventListener('change', showTotal);
  select.addEventListener('change', showKind);
  form.elements.organisationType.addEventListener('change', showKind);
  form.elements.nominees.addEventListener('input', showKind);

  restoreDraft();
  showKind();
  showTotal();
  saveButton.addEventListener('click', () => { saveDraft(); notify(status, 'Đã lưu bản nháp trên trình duyệt này.', 'success'); });
  copyButton.addEventListener('click', async () => {
    const link = saveDraft();
    draftLink.hidden = false;
    draftLink.textContent = `Liên kết bản nháp: ${link}`;
    try { await navigator.clipboard.writeText(link); notify(status, 'Đã sao chép liên kết bản nháp.', 'success'); } catch {
      notify(status, 'Không sao chép tự động được; hãy chép liên kết bên dưới.', 'info');
    }
  });
  form.addEventListener('submit', submit);
}

function values() {
  const v = {};
  for (const name of FIELD_NAMES) v[name] = form.elements[name].value;
  v.coFunding = JSON.stringify(coFunding.value()); // a string like every draft value
  return v;
}

/** The nominees typed, one a line: "Họ và tên; Chức vụ; Cơ quan" (a line with two parts: name and organisation). */
function nomineeList() {
  return form.elements.nominees.value.split('\n').map((line) => line.split(';').map((part) => part.trim()))
    .filter((parts) => parts.some((part) => part !== ''))
    .map((parts) => (parts.length >= 3
      ? { name: parts[0], position: parts[1] || null, organisation: parts.slice(2).join('; ') }
      : { name: parts[0], position: null, organisation: parts[1] ?? '' }));
}

/** The JSON body: persons and who nominates only for kinds that nominate persons; the call for a call's kind. */
function bodyOf(v) {
  const { kind, kindId, callId } = choiceOf(v.supportKindId);
  const body = { ...v, supportKindId: kindId };
  if (callId) body.callId = callId;
  for (const name of NUMBERS) body[name] = v[name] === '' ? null : Number(v[name]);
  delete body.organisationType;
  delete body.nominees;
  const sources = coFunding.value();
  if (sources.length > 0) body.coFunding = sources; else delete body.coFunding;
  if (kind?.nominatesPersons) {
    body.organisationType = v.organisationType;
    body.nominees = nomineeList();
    if (v.organisationType === 'public-body') {
      for (const name of ENTERPRISE_ONLY) if (String(v[name] ?? '').trim() === '') delete body[name];
    }
  }
  return body;
}

function saveDraft() {
  const draft = values();
  localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  const encoded = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(draft))));
  return `${location.origin}${location.pathname}#draft=${encodeURIComponent(encoded)}`;
}

/** The Idempotency-Key of this submission: the one of an unfinished try with the same body (a retry), else a new one. */
function submissionKey(body) {
  const json = JSON.stringify(body);
  let pending = null;
  try { pending = JSON.parse(sessionStorage.getItem(SUBMISSION_KEY) ?? 'null'); } catch { pending = null; }
  if (pending?.body === json && typeof pending.key === 'string') return pending.key;
  const key = crypto.randomUUID();
  sessionStorage.setItem(SUBMISSION_KEY, JSON.stringify({ key, body: json }));
  return key;
}

function restoreDraft() {
  let draft = null;
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('draft');
  try {
    draft = fromLink
      ? JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(fromLink), (c) => c.charCodeAt(0))))
      : JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
  } catch { draft = null; }
  if (!draft || typeof draft !== 'object') return;
  // Drafts saved by the first release also held an idempotencyKey: it is not a form field, so it is ignored.
  for (const [name, value] of Object.entries(draft)) {
    if (FIELD_NAMES.has(name) && typeof value === 'string') form.elements[name].value = value;
  }
  try {
    const rows = JSON.parse(draft.coFunding ?? '[]');
    if (Array.isArray(rows)) coFunding.set(rows.filter((r) => r && typeof r === 'object'));
  } catch { /* a draft without co-funding */ }
  notify(status, 'Đã mở lại bản nháp.', 'info');
}

function pageErrors() {
  const errors = [];
  for (const control of form.elements) {
    if (control.willValidate && !control.validity.valid && control.name.startsWith('coFunding')) {
      errors.push({ field: 'coFunding', message: control.name === 'coFundingSource' ? 'Vui lòng chọn nguồn kinh phí lồng ghép.'
        : control.name === 'coFundingOtherName' ? 'Vui lòng ghi rõ tên nguồn kinh phí khác.' : 'Số tiền của nguồn kinh phí lồng ghép phải lớn hơn 0 đồng.' });
    } else if (control.willValidate && !control.validity.valid) {
      const label = form.querySelector(`label[for="${control.id}"]`)?.firstChild?.textContent ?? control.name;
      const lower = label.charAt(0).toLowerCase() + label.slice(1); // "VSIC" stays as written
      let message = `Vui lòng kiểm tra ${lower}.`;
      if (control.validity.valueMissing) {
        message = control.type === 'file' ? `Vui lòng chọn tệp “${label}”.` : control.tagName === 'SELECT' ? `Vui lòng chọn ${lower}.` : `Vui lòng nhập ${lower}.`;
      } else if (control.name === 'durationMonths') message = `Thời gian thực hiện từ ${control.min} đến ${control.max || 'không giới hạn'} tháng.`;
      else if (control.name === 'employees') message = 'Số lao động phải là số nguyên không âm.';
      else if (control.name === 'ownContributionVnd') message = 'Kinh phí đối ứng của doanh nghiệp không được âm (nhập 0 nếu không có).';

      else if (control.name === 'enterpriseCode') message = 'Mã số doanh nghiệp gồm 10 chữ số, hoặc 10 chữ số-3 chữ số.';
      else if (control.name === 'contactEmail') message = 'Email liên hệ không đúng định dạng, ví dụ: ten@congty.vn.';
      else if (control.validity.rangeOverflow) message = `Kinh phí đề nghị không được vượt mức tối đa ${vnd(Number(control.max))}.`;
      else if (control.validity.rangeUnderflow) message = 'Kinh phí đề nghị phải lớn hơn 0 đồng.';
      errors.push({ field: control.name, message });
    }
  }
  for (const file of [...form.elements.attachments.files, ...requiredFiles().map((r) => r.file)]) {
    if (!FILE_TYPES.test(file.name)) errors.push({ field: 'attachments', message: `Tệp ${file.name}: chỉ nhận PDF, DOCX, JPG, PNG.` });
    else if (file.size > MAX_FILE) errors.push({ field: 'attachments', message: `Tệp ${file.name} vượt quá 10 MB.` });
  }
  return errors;
}

/** The files chosen for the kind's required documents: [{ kind, file }]. */
function requiredFiles() {
  return [...form.querySelectorAll('#required-documents input[type=file]')]
    .filter((input) => input.files.length > 0)
    .map((input) => ({ kind: input.name.slice('document-'.length), file: input.files[0] }));
}

async function submit(event) {
  event.preventDefault();
  clearErrors(form);
  notify(status, '');
  const errors = form.dataset.skipPageChecks === 'true' ? [] : pageErrors();
  if (errors.length > 0) { showErrors(form, errors); return; }
  const body = bodyOf(values());
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  notify(status, 'Đang nộp hồ sơ…', 'info');
  try {
    const created = await api('/api/applications', { method: 'POST', json: body, headers: { 'Idempotency-Key': submissionKey(body) } });
    sessionStorage.removeItem(SUBMISSION_KEY);
    localStorage.removeItem(DRAFT_KEY);
    if (!created.accessToken) {
      // A repeat of a submission whose link an officer has since replaced: received, but no link here.
      notify(status, `Mã hồ sơ ${created.trackingCode}. ${created.note ?? ''}`, 'info');
      return;
    }
    const failed = [];
    for (const { kind: documentKind, file } of requiredFiles()) {
      try { await uploadAttachment(created.applicationId, file, { access: created.accessToken, documentKind }); } catch (e) { failed.push(`${file.name}: ${e.message}`); }
    }
    for (const file of form.elements.attachments.files) {
      try { await uploadAttachment(created.applicationId, file, { access: created.accessToken }); } catch (e) { failed.push(`${file.name}: ${e.message}`); }
    }
    sessionStorage.setItem('nscl.failedUploads', JSON.stringify(failed));
    const fragment = new URLSearchParams({ id: created.applicationId, access: created.accessToken, code: created.trackingCode });
    location.assign(`da-nop.html#${fragment}`);
  } catch (error) {
    notify(status, '');
    // A refusal about the call (not open any more, not offering the kind) is shown under the choice of kind.
    const fieldErrors = error instanceof ApiError ? error.fieldErrors.map((e) => (e.field === 'callId' ? { ...e, field: 'supportKindId' } : e)) : [];
    if (fieldErrors.length > 0) showErrors(form, fieldErrors, 'Máy chủ chưa nhận hồ sơ, vui lòng sửa:');
    else notify(status, error instanceof ApiError ? error.message : 'Không kết nối được máy chủ; hồ sơ chưa được nộp. Vui lòng thử lại.', 'error');
  } finally {
    button.disabled = false;
  }
}

start();
