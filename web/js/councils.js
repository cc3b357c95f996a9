// Councils (hội đồng tư vấn tuyển chọn, thẩm định) of the officer's unit: each with its founding decision, members and
// roles, who has declared and scored, and each application's quorum, result and delivery to its file. A leader founds a
// council here (POST /api/councils): the decision, the members (one Chủ tịch, one Thư ký khoa học; at least the
// Department's minimum), the applications awaiting appraisal by tracking code and the session's due date. Each member is
// e-mailed their own link; the links are also shown once here, to pass on when an e-mail does not arrive. A council is
// for appraisal (tuyển chọn, thẩm định) or evaluation (đánh giá, nghiệm thu: files whose final report awaits evaluation);
// a leader may revoke one member's link and issue a new one (e-mailed to the member).
import { el, $, append, clear, date, dateTime, notify, vnd } from './dom.js';
import { field, clearErrors, showErrors, errorSummary } from './forms.js';
import { api, ApiError } from './api.js';
import { requireOfficer } from './session.js';
import { officerNav } from './officer-nav.js';

const root = $('#councils');
const found = $('#council-found');
const status = $('#page-status');
const ROLES = [['chair', 'Chủ tịch Hội đồng'], ['vice-chair', 'Phó Chủ tịch Hội đồng'], ['secretary', 'Ủy viên, Thư ký khoa học'], ['reviewer', 'Ủy viên phản biện'], ['member', 'Ủy viên']];
const PURPOSES = [['appraisal', 'Tư vấn tuyển chọn, thẩm định (hồ sơ đang chờ thẩm định)'], ['evaluation', 'Đánh giá, nghiệm thu (nhiệm vụ đã nộp báo cáo tổng kết)']];
const CODES = {
  appraisal: 'Mã các hồ sơ hội đồng thẩm định (mỗi dòng một mã, hồ sơ đang chờ thẩm định)',
  evaluation: 'Mã các hồ sơ hội đồng nghiệm thu (mỗi dòng một mã, hồ sơ đã nộp báo cáo tổng kết, chờ nghiệm thu)',
};
const STATE = { Open: 'Đang đánh giá', Closed: 'Đã kết thúc phiên họp' };
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

function memberRow(index, role) {
  const row = el('fieldset', { class: 'member-row', dataset: { member: index } }, el('legend', {}, `Thành viên ${index + 1}`),
    field(`m${index}`, { name: `members[${index}].fullName`, label: 'Họ và tên', required: true, autocomplete: 'off' }),
    field(`m${index}`, { name: `members[${index}].title`, label: 'Học hàm, học vị, chức vụ' }),
    field(`m${index}`, { name: `members[${index}].organisation`, label: 'Cơ quan công tác' }),
    field(`m${index}`, { name: `members[${index}].email`, label: 'E-mail (nhận đường dẫn chấm phiếu)', type: 'email', required: true }),
    field(`m${index}`, { name: `members[${index}].role`, label: 'Vai trò', type: 'select', options: ROLES }));
  row.querySelector('select').value = role;
  return row;
}

function foundForm() {
  const rows = el('div', { id: 'member-rows' }, ['chair', 'vice-chair', 'secretary', 'reviewer', 'member'].map((r, i) => memberRow(i, r)));
  const more = el('button', { type: 'button', class: 'button secondary', id: 'add-member' }, 'Thêm thành viên');
  more.addEventListener('click', () => rows.append(memberRow(rows.children.length, 'member')));
  const form = el('form', { id: 'found-council', class: 'form', novalidate: true }, errorSummary(),
    field('council', { name: 'purpose', label: 'Loại hội đồng', type: 'select', options: PURPOSES }),
    field('council', { name: 'name', label: 'Tên hội đồng', required: true, value: 'Hội đồng tư vấn tuyển chọn, thẩm định nhiệm vụ nâng cao năng suất và chất lượng' }),
    field('council', { name: 'trackingCodes', label: CODES.appraisal, type: 'textarea', rows: 3, required: true }),
    field('council', { name: 'callId', label: 'Đợt tuyển chọn (nếu có)' }),
    field('council', { name: 'decisionNumber', label: 'Số, ký hiệu quyết định thành lập', required: true, hint: 'Ví dụ: 15/QĐ-SKHCN' }),
    field('council', { name: 'decisionDate', label: 'Ngày ký quyết định', type: 'date', required: true, value: today() }),
    field('council', { name: 'decisionSigner', label: 'Người ký quyết định', required: true }),
    field('council', { name: 'decisionSignerTitle', label: 'Chức vụ người ký', value: 'Phó Giám đốc' }),
    field('council', { name: 'sessionDueDate', label: 'Hạn họp hội đồng', type: 'date', required: true }),
    el('h3', {}, 'Thành viên hội đồng'), rows, el('p', {}, more),
    el('button', { type: 'submit', class: 'button' }, 'Thành lập hội đồng'));
  const purpose = form.querySelector('[name=purpose]');
  purpose.addEventListener('change', () => {
    const name = form.querySelector('[name=name]');
    const codes = form.querySelector('[name=trackingCodes]');
    form.querySelector(`label[for="${codes.id}"]`).firstChild.textContent = CODES[purpose.value] ?? CODES.appraisal;
    name.value = purpose.value === 'evaluation'
      ? 'Hội đồng đánh giá, nghiệm thu nhiệm vụ nâng cao năng suất và chất lượng'
      : 'Hội đồng tư vấn tuyển chọn, thẩm định nhiệm vụ nâng cao năng suất và chất lượng';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const f = new FormData(form);
    const members = [...rows.children].map((_, i) => Object.fromEntries(['fullName', 'title', 'organisation', 'email', 'role']
      .map((k) => [k, (f.get(`members[${i}].${k}`) ?? '').trim() || null])));
    const body = {
      name: f.get('name'), purpose: f.get('purpose') || 'appraisal', callId: f.get('callId') || null, decisionNumber: f.get('decisionNumber'), decisionDate: f.get('decisionDate') || null,
      decisionSigner: f.get('decisionSigner'), decisionSignerTitle: f.get('decisionSignerTitle') || null, sessionDueDate: f.get('sessionDueDate') || null,
      trackingCodes: String(f.get('trackingCodes') ?? '').split('\n').map((s) => s.trim()).filter(Boolean), members,
    };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const answer = await api('/api/councils', { method: 'POST', officer: true, json: body });
      notify(status, `Đã thành lập ${answer.council.name}; thư mời đã được gửi tới từng thành viên.`, 'success');
      clear(found).append(links(answer));
      await show();
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        // members[2].email is the field named so in the form; trackingCodes[1] goes to the codes.
        showErrors(form, error.fieldErrors.map((e) => ({ ...e, field: e.field.startsWith('trackingCodes') ? 'trackingCodes' : e.field })));
      } else {
        showErrors(form, [{ message: error instanceof ApiError ? error.message : 'Không kết nối được máy chủ; vui lòng thử lại.' }]);
      }
    } finally {
      button.disabled = false;
    }
  });
  return el('details', { class: 'card', id: 'found' }, el('summary', {}, 'Thành lập hội đồng (lãnh đạo đơn vị)'), form);
}

function links(answer) {
  return el('section', { class: 'card', id: 'member-links', 'aria-labelledby': 'h-links' }, el('h2', { id: 'h-links' }, 'Đường dẫn riêng của từng thành viên'),
    el('p', { class: 'hint' }, 'Mỗi thành viên đã nhận đường dẫn qua e-mail. Chỉ chuyển đường dẫn cho đúng thành viên khi thư không đến; không chia sẻ công khai.'),
    el('ul', {}, answer.memberLinks.map((m) => el('li', { dataset: { role: m.role } }, `${m.fullName} (${m.roleText}): `,
      el('a', { href: `..${m.memberPage}`, class: 'member-link', rel: 'noreferrer' }, 'mở phiếu')))));
}

function council(c) {
  return el('section', { class: 'card council', dataset: { council: c.id }, 'aria-labelledby': `h-${c.id}` },
    el('h2', { id: `h-${c.id}` }, c.name),
    el('p', { class: 'muted' }, c.purpose === 'evaluation' ? 'Hội đồng đánh giá, nghiệm thu' : 'Hội đồng tư vấn tuyển chọn, thẩm định'),
    el('p', {}, `Quyết định số ${c.decision.number} ngày ${date(c.decision.signedOn)}; hạn họp ${date(c.sessionDueDate)}; ${STATE[c.state] ?? c.state}`,
      c.overdueAtUtc && c.state === 'Open' ? ' (quá hạn họp)' : '', c.meetingStartUtc ? `; họp ${dateTime(c.meetingStartUtc)} – ${dateTime(c.meetingEndUtc)}` : '', '.'),
    el('div', { class: 'table-wrap' }, el('table', { class: 'data' },
      el('caption', {}, `Thành viên (${c.members.length}; cần ít nhất ${c.quorum} phiếu được tính mỗi hồ sơ)`),
      el('thead', {}, el('tr', {}, ['Thành viên', 'Vai trò', 'Kê khai', 'Phiếu', 'Đường dẫn'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, c.members.map((m) => el('tr', { dataset: { member: m.id } },
        el('th', { scope: 'row' }, [m.title, m.fullName].filter(Boolean).join(' ')),
        el('td', {}, m.roleText),
        el('td', {}, !m.declaration ? 'Chưa kê khai' : m.declaration.hasConflict ? `Không tham gia: ${m.declaration.reason}` : 'Không xung đột'),
        el('td', {}, String(m.sheets.length)),
        el('td', {}, c.state === 'Open' ? relinkButton(c, m) : '–')))))),
    el('ul', {}, c.applications.map((a) => el('li', { dataset: { application: a.trackingCode } },
      el('a', { href: `ho-so.html?id=${encodeURIComponent(a.applicationId)}` }, a.trackingCode), ` – ${a.enterpriseName}: ${a.counted} phiếu được tính`,
      a.result ? `; ${a.result.passed === false ? 'không đạt' : 'đạt'} ${a.result.total ?? ''}/${a.result.maxTotal ?? ''} điểm, kiến nghị ${vnd(a.result.recommendedAmountVnd)}` : a.quorumMet ? '; đủ điều kiện kết luận' : '; chưa đủ số phiếu',
      a.deliveredAtUtc ? `; đã chuyển vào hồ sơ ${dateTime(a.deliveredAtUtc)}` : ''))));
}

/** A leader revokes the member's link (the old one then opens nothing) and issues a new one, e-mailed to the member. */
function relinkButton(c, m) {
  const button = el('button', { type: 'button', class: 'button secondary relink' }, 'Thu hồi, cấp lại');
  button.addEventListener('click', async () => {
    if (!window.confirm(`Thu hồi đường dẫn chấm phiếu của ${m.fullName} và gửi đường dẫn mới qua e-mail?`)) return;
    button.disabled = true;
    try {
      const answer = await api(`/api/councils/${encodeURIComponent(c.id)}/members/${encodeURIComponent(m.id)}/link`, { method: 'POST', officer: true, json: {} });
      notify(status, `Đã thu hồi đường dẫn cũ của ${answer.fullName}; ${answer.mailed ? 'đường dẫn mới đã được gửi qua e-mail' : 'chưa gửi được e-mail, vui lòng chuyển đường dẫn mới cho thành viên'}.`,
        answer.mailed ? 'success' : 'error');
      clear(found).append(links({ memberLinks: [answer] }));
      await show();
    } catch (error) {
      notify(status, error instanceof ApiError ? error.message : 'Không kết nối được máy chủ; vui lòng thử lại.', 'error');
      button.disabled = false;
    }
  });
  return button;
}

async function show() {
  try {
    const view = await api('/api/councils', { officer: true });
    const wanted = new URLSearchParams(location.search).get('id');
    const items = wanted ? [...view.items.filter((c) => c.id === wanted), ...view.items.filter((c) => c.id !== wanted)] : view.items;
    append(clear(root), [items.length ? items.map(council) : el('p', { class: 'muted', id: 'councils-empty' }, 'Đơn vị chưa có hội đồng nào.')]);
  } catch (error) {
    clear(root);
    notify(status, error instanceof ApiError ? `Không tải được danh sách hội đồng: ${error.message}` : 'Không kết nối được máy chủ; vui lòng thử lại.', 'error');
  }
}

function start() {
  if (!requireOfficer()) return;
  officerNav();
  found.before(foundForm());
  show();
}

start();
