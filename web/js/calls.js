// Calls for applications (đợt tuyển chọn, xét chọn): without ?id= the calls of the officer's units with their money
// (envelope; still held; drawn by approvals; released) and, for a leader, the form to open one (its envelope is
// reserved in the ledger at once); with ?id= one call: its dates, documents, the applications it received and, after
// the close, their ranking by appraisal total with the running total against the envelope, and the leader's finalise
// (what the envelope still holds is released). Without ?id=, also the form an officer orders a task from (or assigns it
// to) a named enterprise with (POST /api/assignments): the enterprise is e-mailed its link to confirm; the officer goes
// to the file's page. Every text is put in the page as text (textContent), never as HTML.
import { el, $, clear, date, vnd, notify } from './dom.js';
import { field, clearErrors, showErrors, errorSummary } from './forms.js';
import { api, ApiError } from './api.js';
import { requireOfficer } from './session.js';
import { officerNav } from './officer-nav.js';
import { coFundingEditor } from './co-funding.js';

const root = $('#calls');
const status = $('#page-status');
const params = new URLSearchParams(location.search);
const day = (iso) => date(`${iso}T12:00:00+07:00`);

function fail(error, what) {
  notify(status, error instanceof ApiError && error.status === 401 ? 'Phiên đăng nhập đã hết; vui lòng đăng nhập lại.'
    : `${what}: ${error instanceof ApiError ? error.message : 'lỗi kết nối.'}`, 'error');
}

/** A form posting JSON built by toJson(form) to path; field errors shown next to their fields. */
function postForm(id, title, fields, submitText, path, toJson, done) {
  const form = el('form', { id, class: 'form', novalidate: true }, el('h2', {}, title), errorSummary(), ...fields,
    el('button', { type: 'submit', class: 'button' }, submitText));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const result = await api(path, { method: 'POST', json: toJson(form), officer: true });
      await done(result);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) showErrors(form, error.fieldErrors.map((e) => ({ ...e, field: e.field.replace(/\[\d+\]$/, '') })));
      else if (error instanceof ApiError) showErrors(form, [{ message: error.message }]);
      else fail(error, 'Không gửi được');
    }
  });
  return form;
}

const money = (c) => `${vnd(c.envelopeVnd)} / ${vnd(c.heldVnd)} / ${vnd(c.usedVnd)} / ${vnd(c.releasedVnd)}`;

async function list() {
  let data;
  try { data = await api('/api/calls', { officer: true }); } catch (error) { fail(error, 'Không tải được danh sách đợt tuyển chọn'); return; }
  root.append(data.calls.length === 0 ? el('p', { class: 'muted', id: 'calls-empty' }, 'Chưa có đợt tuyển chọn nào.')
    : el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Danh sách đợt tuyển chọn' }, el('table', { class: 'table', id: 'calls-table' },
      el('thead', {}, el('tr', {}, ['Đợt tuyển chọn', 'Mục chi, năm', 'Nhận hồ sơ', 'Kinh phí của đợt / đang tạm giữ / đã phân bổ / đã hủy tạm giữ', 'Trạng thái']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, data.calls.map((c) => el('tr', { dataset: { callId: c.id } },
        el('td', {}, el('a', { href: `dot-tuyen-chon.html?id=${encodeURIComponent(c.id)}` }, c.title)),
        el('td', {}, `${c.lineId} năm ${c.year}`), el('td', {}, `${day(c.opensOn)} – ${day(c.closesOn)}`),
        el('td', {}, money(c)), el('td', {}, c.stateText)))))));
  await assignmentForm();
  if (!data.canOpen) return;

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const kinds = el('fieldset', { class: 'field', dataset: { field: 'supportKindIds' } }, el('legend', {}, 'Nội dung hỗ trợ của đợt',
    el('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
  data.kinds.map((k) => el('label', { class: 'choice' }, el('input', { type: 'checkbox', name: 'supportKindIds', value: k.id }), ' ',
    `${k.name} (mục ${k.lineId}${k.rolling ? '; cũng nhận hồ sơ quanh năm' : '; chỉ nhận hồ sơ theo đợt'})`)),
  el('p', { class: 'field-error', role: 'alert', hidden: true }));
  root.append(postForm('open-call', 'Mở đợt tuyển chọn mới', [
    field('call', { name: 'title', label: 'Tên đợt tuyển chọn', required: true, maxlength: 300 }),
    kinds,
    field('call', { name: 'year', label: 'Năm ngân sách', type: 'number', min: 2022, max: 2035, required: true, value: today.slice(0, 4) }),
    field('call', { name: 'envelopeVnd', label: 'Tổng kinh phí của đợt (đồng)', type: 'number', min: 1, required: true, inputmode: 'numeric',
      hint: 'Được tạm giữ trên sổ kinh phí của mục chi ngay khi mở đợt; các hồ sơ của đợt được phê duyệt trong phạm vi này.' }),
    field('call', { name: 'opensOn', label: 'Ngày bắt đầu nhận hồ sơ', type: 'date', required: true, value: today }),
    field('call', { name: 'closesOn', label: 'Ngày hết hạn nhận hồ sơ', type: 'date', required: true,
      hint: `Phải là ngày làm việc; thời gian nhận hồ sơ ít nhất ${data.minimumOpenWorkingDays} ngày làm việc (mặc định do Sở quy định).` }),
  ], 'Mở đợt (tạm giữ kinh phí của đợt)', '/api/calls', (form) => ({
    title: form.elements.title.value,
    supportKindIds: [...form.querySelectorAll('input[name=supportKindIds]:checked')].map((i) => i.value),
    year: form.elements.year.value === '' ? null : Number(form.elements.year.value),
    envelopeVnd: form.elements.envelopeVnd.value === '' ? null : Number(form.elements.envelopeVnd.value),
    opensOn: form.elements.opensOn.value || null,
    closesOn: form.elements.closesOn.value || null,
  }), (created) => location.assign(`dot-tuyen-chon.html?id=${encodeURIComponent(created.id)}`)));
}

/** Orders and direct assignments: the enterprise's particulars and the task, as the application form asks them. */
async function assignmentForm() {
  let catalogue;
  try { catalogue = await api('/api/catalogue'); } catch { return; }
  const lists = catalogue.applicationForm;
  const text = (name, label, extra = {}) => field('assign', { name, label, required: true, ...extra });
  const number = (name, label, extra = {}) => field('assign', { name, label, type: 'number', required: true, min: 0, step: 1, inputmode: 'numeric', ...extra });
  const select = (name, label, options) => field('assign', { name, label, type: 'select', required: true, options: [['', '— Chọn —'], ...options] });
  // Co-funding from other programmes and sources, as the application form asks it (the same editor and the same rules).
  const coFunding = coFundingEditor(lists);
  const totalCost = el('p', { id: 'assign-total-cost', class: 'hint', 'aria-live': 'polite' });
  const form = postForm('create-assignment', 'Đặt hàng, giao trực tiếp nhiệm vụ', [
    field('assign', { name: 'selection', label: 'Hình thức', type: 'select', required: true, options: [['order', 'Đặt hàng'], ['direct-assignment', 'Giao trực tiếp']] }),
    select('supportKindId', 'Nội dung hỗ trợ', catalogue.supportKinds.filter((k) => !k.nominatesPersons).map((k) => [k.id, k.name])),
    text('enterpriseCode', 'Mã số doanh nghiệp'), text('enterpriseName', 'Tên doanh nghiệp'),
    text('contactName', 'Người liên hệ'), text('contactEmail', 'Email liên hệ', { type: 'email', hint: 'Doanh nghiệp nhận đường liên kết xác nhận nhiệm vụ qua địa chỉ này.' }),
    text('phone', 'Số điện thoại'), text('legalRepresentativeName', 'Người đại diện theo pháp luật'), text('legalRepresentativePosition', 'Chức vụ người đại diện'),
    text('address', 'Địa chỉ trụ sở chính'), select('districtId', 'Địa bàn (quận, huyện)', lists.districts.map((d) => [d.id, d.name])),
    select('sectorCode', 'Ngành kinh tế chính (VSIC cấp 2)', lists.sectors.map((x) => [x.code, `${x.code} – ${x.name}`])),
    number('employees', 'Số lao động'), select('revenueBandId', 'Doanh thu năm trước', lists.revenueBands.map((b) => [b.id, b.name])),
    text('title', 'Tên nhiệm vụ'), field('assign', { name: 'summary', label: 'Tóm tắt nội dung', type: 'textarea', required: true }),
    number('requestedAmountVnd', 'Kinh phí dự kiến hỗ trợ (đồng)', { min: 1 }), number('ownContributionVnd', 'Kinh phí đối ứng của doanh nghiệp (đồng)'),
    number('durationMonths', 'Thời gian thực hiện (tháng)', { min: 1 }),
    coFunding.element, totalCost,
  ], 'Tạo nhiệm vụ và gửi doanh nghiệp xác nhận', '/api/assignments', (form) => {
    const v = (name) => form.elements[name].value;
    const n = (name) => (v(name) === '' ? null : Number(v(name)));
    return {
      selection: v('selection'),
      application: {
        supportKindId: v('supportKindId'), enterpriseCode: v('enterpriseCode'), enterpriseName: v('enterpriseName'), contactName: v('contactName'),
        contactEmail: v('contactEmail'), phone: v('phone'), legalRepresentativeName: v('legalRepresentativeName'),
        legalRepresentativePosition: v('legalRepresentativePosition'), address: v('address'), districtId: v('districtId'), sectorCode: v('sectorCode'),
        employees: n('employees'), revenueBandId: v('revenueBandId'), title: v('title'), summary: v('summary'),
        requestedAmountVnd: n('requestedAmountVnd'), ownContributionVnd: n('ownContributionVnd'), durationMonths: n('durationMonths'),
        ...(coFunding.value().length > 0 ? { coFunding: coFunding.value() } : {}),
      },
    };
  }, (created) => location.assign(`ho-so.html?id=${encodeURIComponent(created.applicationId)}`));
  const amount = (name) => (Number.isFinite(Number(form.elements[name].value)) ? Number(form.elements[name].value) : 0);
  form.addEventListener('input', () => {
    const total = amount('requestedAmountVnd') + amount('ownContributionVnd') + coFunding.total();
    totalCost.textContent = total > 0 ? `Tổng kinh phí thực hiện nhiệm vụ (hỗ trợ, đối ứng và lồng ghép): ${vnd(total)}.` : '';
  });
  root.append(form);
}

async function show(id) {
  let c;
  try { c = await api(`/api/calls/${encodeURIComponent(id)}`, { officer: true }); } catch (error) { fail(error, 'Không tải được đợt tuyển chọn'); return; }
  $('#page-title').textContent = c.title;
  document.title = `${c.title} – Chương trình NSCL Đà Nẵng`;
  root.append(
    el('p', {}, el('a', { href: 'dot-tuyen-chon.html' }, '← Các đợt tuyển chọn')),
    el('dl', { class: 'facts', id: 'call-facts' },
      el('dt', {}, 'Trạng thái'), el('dd', { id: 'call-state' }, c.stateText),
      el('dt', {}, 'Nội dung hỗ trợ'), el('dd', {}, c.supportKinds.map((k) => k.name).join('; ')),
      el('dt', {}, 'Mục chi, năm ngân sách'), el('dd', {}, `${c.lineId} năm ${c.year}`),
      el('dt', {}, 'Đơn vị chủ trì'), el('dd', {}, c.unitName),
      el('dt', {}, 'Nhận hồ sơ'), el('dd', {}, `từ ${day(c.opensOn)} đến hết ngày ${day(c.closesOn)}`),
      el('dt', {}, 'Kinh phí của đợt / đang tạm giữ / đã phân bổ cho hồ sơ / đã hủy tạm giữ'), el('dd', { id: 'call-money' }, money(c)),
      el('dt', {}, 'Hạn kết thúc đợt'), el('dd', {}, date(c.finaliseDueUtc)),
      el('dt', {}, 'Tài liệu yêu cầu'), el('dd', {}, c.requiredDocuments.map((d) => d.name).join('; ') || '—'),
      el('dt', {}, 'Người mở đợt'), el('dd', {}, c.openedBy.name),
      ...(c.finalisedAtUtc ? [el('dt', {}, 'Kết thúc'), el('dd', {}, `${date(c.finalisedAtUtc)} – ${c.finalisedBy?.name ?? ''}${c.finalisingNote ? ` (${c.finalisingNote})` : ''}`)] : [])),
    el('h2', {}, `Hồ sơ của đợt (${c.applicationCount ?? 0})`));
  if (!c.ranking) {
    root.append(el('p', { class: 'muted', id: 'ranking-pending' }, 'Các hồ sơ được thẩm định và xếp hạng cùng nhau sau khi hết hạn nhận hồ sơ.'));
  } else if (c.ranking.length === 0) {
    root.append(el('p', { class: 'muted' }, 'Đợt không có hồ sơ nào.'));
  } else {
    root.append(el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Xếp hạng hồ sơ của đợt' }, el('table', { class: 'table', id: 'ranking-table' },
      el('thead', {}, el('tr', {}, ['Hạng', 'Hồ sơ', 'Doanh nghiệp', 'Điểm thẩm định', 'Kinh phí đề xuất / phê duyệt', 'Cộng dồn', 'Trong kinh phí của đợt', 'Trạng thái']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, c.ranking.map((r) => el('tr', { dataset: { applicationId: r.applicationId } },
        el('td', {}, String(r.rank)),
        el('td', {}, el('a', { href: `ho-so.html?id=${encodeURIComponent(r.applicationId)}` }, r.trackingCode), el('br'), r.title),
        el('td', {}, r.enterpriseName),
        el('td', {}, r.totalScore === undefined || r.totalScore === null ? 'Chưa thẩm định' : `${r.totalScore}${r.passed === false ? ' (không đạt)' : ''}`),
        el('td', {}, r.approvedAmountVnd ? `${vnd(r.approvedAmountVnd)} (đã phê duyệt)` : vnd(r.recommendedAmountVnd)),
        el('td', {}, vnd(r.runningTotalVnd)),
        el('td', {}, r.countedVnd === 0 ? '—' : r.fitsEnvelope ? 'Trong phạm vi' : 'Vượt kinh phí của đợt'),
        el('td', {}, r.statusText)))))));
  }
  if (c.notes.length) root.append(el('details', {}, el('summary', {}, 'Nhật ký hệ thống'), el('ul', {}, c.notes.map((n) => el('li', {}, `${date(n.atUtc)}: ${n.text}`)))));
  if (c.allowedActions.includes('finalise')) {
    root.append(postForm('finalise-call', 'Kết thúc đợt tuyển chọn', [
      field('finalise', { name: 'note', label: 'Ghi chú khi kết thúc', type: 'textarea', hint: 'Phần kinh phí của đợt chưa phân bổ cho hồ sơ được hủy tạm giữ.' }),
    ], 'Kết thúc đợt (hủy tạm giữ phần còn lại)', `/api/calls/${encodeURIComponent(id)}/finalise`,
    (form) => ({ note: form.elements.note.value || null }), () => { clear(root); return show(id); }));
  }
}

async function start() {
  if (!requireOfficer()) return;
  officerNav();
  const id = params.get('id');
  if (id) await show(id); else await list();
}

start();
