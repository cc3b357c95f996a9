// A council member's page, opened through the secret link the council's e-mail carries:
// hoi-dong/phieu.html#council=…&member=…&access=…. The token stays in the fragment (browsers never send it to a server)
// and goes to the API in the X-Access-Token header. First the member declares conflicts of interest (or recuses from one
// application or the whole council, with a reason); then one score sheet per application they may score, against its
// kind's rubric (the appraisers' form of actions.js, every criterion with a comment). The secretary also sees who has
// declared and scored, whether each application has its quorum, and closes the session with the meeting's start and end.
// An evaluation council (purpose "evaluation": đánh giá, nghiệm thu) scores each task's results against the kind's
// evaluation rubric with the leader's evaluate form (đạt / không đạt, the amount to accept): the page says "nghiệm thu".
import { el, $, append, clear, date, dateTime, notify, vnd } from './dom.js';
import { field, clearErrors, showErrors, errorSummary } from './forms.js';
import { api, ApiError, download } from './api.js';
import { ACTIONS } from './actions.js';

const params = new URLSearchParams(location.hash.slice(1));
const councilId = params.get('council');
const memberId = params.get('member');
const caller = { access: params.get('access') };
const root = $('#council-member');
const status = $('#page-status');
const base = () => `/api/councils/${encodeURIComponent(councilId)}/members/${encodeURIComponent(memberId)}`;
const isEvaluation = (view) => view.purpose === 'evaluation';
const sheetSpecOf = (view) => (isEvaluation(view) ? ACTIONS.evaluate : ACTIONS['submit-appraisal']);

/** Posts a form's body; field errors go next to their fields, other refusals above the form; the answer re-renders the page. */
async function send(form, path, body, mapField = (f) => f) {
  clearErrors(form);
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const view = await api(path, { method: 'POST', access: caller.access, json: body });
    render(view);
    return view;
  } catch (error) {
    if (error instanceof ApiError && error.fieldErrors.length > 0 && error.status === 422) {
      showErrors(form, error.fieldErrors.map((e) => ({ ...e, field: mapField(e.field) })));
    } else if (error instanceof ApiError) {
      showErrors(form, [{ message: error.message }], error.problem.title ?? 'Không thực hiện được');
    } else {
      notify(status, 'Không kết nối được máy chủ; vui lòng thử lại.', 'error');
    }
    return null;
  } finally {
    button.disabled = false;
  }
}

function heading(view) {
  const d = view.decision;
  return el('section', { class: 'card', id: 'council-heading', 'aria-labelledby': 'h-council' },
    el('h2', { id: 'h-council' }, view.name),
    el('p', {}, `Quyết định thành lập số ${d.number} ngày ${date(d.signedOn)}${d.signerName ? `, ${d.signerTitle ? `${d.signerTitle} ` : ''}${d.signerName} ký` : ''}.`),
    el('p', {}, 'Thành viên: ', el('strong', { id: 'member-name' }, [view.member.title, view.member.fullName].filter(Boolean).join(' ')), ` – ${view.member.roleText}.`),
    el('p', {}, `Hạn họp hội đồng: ${date(view.sessionDueDate)}.`),
    view.state === 'Closed' ? el('p', { class: 'notice notice-success', id: 'council-closed' },
      `Phiên họp đã kết thúc (${dateTime(view.meetingStartUtc)} – ${dateTime(view.meetingEndUtc)}); kết quả đã được chuyển vào hồ sơ.`) : null);
}

function declarationForm(view) {
  const scope = [['', 'Toàn bộ hội đồng (không tham gia đánh giá hồ sơ nào)'], ...view.applications.map((a) => [a.applicationId, `Hồ sơ ${a.trackingCode} – ${a.enterpriseName}`])];
  const form = el('form', { id: 'declaration', class: 'form', novalidate: true }, errorSummary(),
    field('declare', { name: 'hasConflict', label: 'Kê khai xung đột lợi ích', type: 'yesno', required: true,
      options: [['false', 'Tôi không có xung đột lợi ích với các hồ sơ được đánh giá'], ['true', 'Tôi có xung đột lợi ích và không tham gia đánh giá']] }),
    field('declare', { name: 'applicationId', label: 'Không tham gia đánh giá (khi có xung đột lợi ích)', type: 'select', options: scope }),
    field('declare', { name: 'reason', label: 'Lý do (khi có xung đột lợi ích)', type: 'textarea', rows: 3 }),
    el('button', { type: 'submit', class: 'button' }, 'Gửi bản kê khai'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = new FormData(form);
    const conflict = f.get('hasConflict') === 'true';
    await send(form, `${base()}/declaration`, { hasConflict: conflict, applicationId: conflict && f.get('applicationId') ? f.get('applicationId') : null, reason: f.get('reason') || null });
  });
  return el('section', { class: 'card', id: 'declare', 'aria-labelledby': 'h-declare' }, el('h2', { id: 'h-declare' }, 'Bước 1. Kê khai xung đột lợi ích'),
    el('p', { class: 'hint' }, 'Thành viên kê khai trước khi chấm phiếu. Bản kê khai không sửa được sau khi gửi.'), form);
}

function declared(view) {
  const d = view.declaration;
  const scope = d.applicationId ? `hồ sơ ${view.applications.find((a) => a.applicationId === d.applicationId)?.trackingCode ?? ''}` : 'toàn bộ hội đồng';
  return el('p', { class: 'notice', id: 'declared' }, d.hasConflict
    ? `Đã kê khai lúc ${dateTime(d.atUtc)}: có xung đột lợi ích, không tham gia đánh giá ${scope}. Lý do: ${d.reason}`
    : `Đã kê khai lúc ${dateTime(d.atUtc)}: không có xung đột lợi ích.`);
}

/** The appraisers' score sheet (actions.js; an evaluation council's: the evaluate form) for one application, every score and comment required. */
function sheetForm(view, app) {
  const sheetSpec = sheetSpecOf(view);
  const ctx = { rubrics: isEvaluation(view) ? { evaluation: app.rubric } : { appraisal: app.rubric } };
  const fields = sheetSpec.fields(ctx).map((f) => (f.name?.startsWith('comment:') || f.name?.startsWith('score:') ? { ...f, required: true }
    : isEvaluation(view) && f.name === 'amountVnd' ? { ...f, label: 'Kinh phí đề nghị nghiệm thu (đồng, để trống nếu đúng mức đã phê duyệt)' }
      : isEvaluation(view) && f.name === 'passed' ? { ...f, label: 'Đề nghị kết quả nghiệm thu' } : f));
  const prefix = `sheet-${app.trackingCode}`;
  const form = el('form', { class: 'form sheet', novalidate: true, dataset: { application: app.applicationId } }, errorSummary(),
    fields.map((f) => (f.type === 'note' ? el('p', { class: 'hint' }, f.text) : field(prefix, f))),
    el('button', { type: 'submit', class: 'button' }, app.sheet ? 'Gửi lại phiếu (thay phiếu đã gửi)' : isEvaluation(view) ? 'Gửi phiếu đánh giá, nghiệm thu' : 'Gửi phiếu đánh giá'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!form.checkValidity()) {
      const invalid = [...form.elements].filter((c) => c.willValidate && !c.validity.valid);
      showErrors(form, invalid.map((c) => ({ field: c.name, message: c.validationMessage || 'Giá trị chưa hợp lệ.' })));
      return;
    }
    const values = Object.fromEntries([...new FormData(form)].filter(([, v]) => typeof v === 'string'));
    const answer = await send(form, `${base()}/sheets/${encodeURIComponent(app.applicationId)}`, sheetSpec.body(values, ctx), sheetSpec.errorField);
    if (answer) notify(status, `Đã nhận phiếu đánh giá${isEvaluation(view) ? ', nghiệm thu nhiệm vụ' : ' hồ sơ'} ${app.trackingCode}. Xin cảm ơn.`, 'success');
  });
  return form;
}

// What the member reads to score a file (only once they have declared no conflict with it): its content, and the
// enterprise's documents, each downloaded with the member's token in a header.
function dossier(view, app) {
  const d = app.dossier;
  if (!d) return null;
  const evaluation = isEvaluation(view);
  const coFunding = (d.coFunding ?? []).reduce((sum, c) => sum + c.amountVnd, 0);
  const facts = [
    d.kindName ? ['Nội dung hỗ trợ', d.kindName] : null,
    d.durationMonths ? ['Thời gian thực hiện', `${d.durationMonths} tháng`] : null,
    d.ownContributionVnd ? ['Kinh phí đối ứng của doanh nghiệp', vnd(d.ownContributionVnd)] : null,
    coFunding ? ['Kinh phí lồng ghép từ nguồn khác', vnd(coFunding)] : null,
    d.employees ? ['Số lao động', String(d.employees)] : null,
    evaluation && d.approvedVnd ? ['Kinh phí đã phê duyệt', vnd(d.approvedVnd)] : null,
  ].filter(Boolean);
  const documents = d.documents ?? [];
  const list = documents.length === 0 ? el('p', {}, 'Doanh nghiệp chưa đính kèm tài liệu.')
    : el('ul', {}, documents.map((doc) => {
      const button = el('button', { type: 'button', class: 'link-button', dataset: { document: doc.name } }, `Tải về ${doc.name}`);
      button.addEventListener('click', async () => {
        try {
          await download(`${base()}/applications/${encodeURIComponent(app.applicationId)}/documents/${encodeURIComponent(doc.name)}`, doc.name, caller);
        } catch (error) {
          notify(status, error instanceof ApiError ? error.message : 'Không tải được tài liệu; vui lòng thử lại.', 'error');
        }
      });
      return el('li', {}, button, doc.documentTitle ? ` – ${doc.documentTitle}` : '', ` (${Math.max(1, Math.round(doc.sizeBytes / 1024))} KB)`);
    }));
  return el('details', { class: 'dossier', dataset: { dossier: app.trackingCode } },
    el('summary', {}, evaluation ? 'Hồ sơ nhiệm vụ và báo cáo kết quả để đánh giá' : 'Hồ sơ đề nghị hỗ trợ để đánh giá'),
    d.summary ? el('p', {}, el('strong', {}, 'Tóm tắt: '), d.summary) : null,
    facts.length ? el('dl', {}, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])) : null,
    d.finalReport ? el('p', {}, el('strong', {}, `Báo cáo kết quả (${date(d.finalReport.atUtc)}): `), d.finalReport.text) : null,
    el('h4', {}, 'Tài liệu của doanh nghiệp'), list);
}

function application(view, app) {
  const evaluation = isEvaluation(view);
  const verdict = (sheet) => (evaluation
    ? (sheet.recommendsSupport ? `đề nghị nghiệm thu đạt, kinh phí ${vnd(sheet.recommendedAmountVnd)}` : 'đề nghị nghiệm thu không đạt')
    : (sheet.recommendsSupport ? `đề xuất hỗ trợ ${vnd(sheet.recommendedAmountVnd)}` : 'không đề xuất hỗ trợ'));
  const sent = app.sheet ? el('p', { class: 'notice notice-success', dataset: { sent: app.trackingCode } },
    `Đã gửi phiếu lúc ${dateTime(app.sheet.atUtc)}: ${app.sheet.scores.reduce((s, x) => s + x.score, 0)} điểm, ${verdict(app.sheet)}.`) : null;
  return el('section', { class: 'card', dataset: { application: app.trackingCode }, 'aria-labelledby': `h-${app.applicationId}` },
    el('h3', { id: `h-${app.applicationId}` }, evaluation ? `Nhiệm vụ ${app.trackingCode}` : `Hồ sơ ${app.trackingCode}`),
    el('p', {}, evaluation
      ? `${app.enterpriseName}: ${app.title}. Kinh phí đã phê duyệt: ${vnd(app.capVnd ?? 0)}.`
      : `${app.enterpriseName}: ${app.title}. Kinh phí đề nghị: ${vnd(app.requestedAmountVnd)}${app.capVnd ? `; mức hỗ trợ tối đa ${vnd(app.capVnd)}` : ''}.`),
    app.recused ? el('p', { class: 'notice' }, 'Thành viên không tham gia đánh giá hồ sơ này (xung đột lợi ích).') : [dossier(view, app), sent,
      view.state === 'Open' && app.mayScore ? sheetForm(view, app) : null]);
}

function progress(view) {
  const p = view.progress;
  return el('section', { class: 'card', id: 'progress', 'aria-labelledby': 'h-progress' }, el('h2', { id: 'h-progress' }, 'Tình hình kê khai, chấm phiếu (Thư ký)'),
    el('p', {}, `Cần ít nhất ${p.quorum}/${p.membersCount} thành viên không xung đột lợi ích chấm phiếu mỗi hồ sơ, trong đó có Chủ tịch hoặc Phó Chủ tịch.`),
    el('ul', {}, p.members.map((m) => el('li', {}, `${m.fullName} (${m.roleText}): ${!m.declared ? 'chưa kê khai' : m.recused ? 'không tham gia (xung đột lợi ích)' : `đã chấm ${m.scored} phiếu`}`))),
    el('ul', {}, p.applications.map((a) => el('li', { dataset: { quorum: a.trackingCode } }, `Hồ sơ ${a.trackingCode}: ${a.counted} phiếu được tính${a.problem ? ` – chưa đủ: ${a.problem}` : ' – đủ điều kiện kết luận'}${a.result ? `; kết quả ${a.result.passed ? 'đạt' : 'không đạt'}, ${isEvaluation(view) ? 'đề nghị nghiệm thu' : 'kiến nghị'} ${vnd(a.result.recommendedAmountVnd)}` : ''}.`))));
}

/** A datetime-local value (the browser's clock) as an instant with its offset. */
function instant(local) { return local ? new Date(local).toISOString() : null; }

function closeForm() {
  const form = el('form', { id: 'close-session', class: 'form', novalidate: true }, errorSummary(),
    field('close', { name: 'meetingStart', label: 'Phiên họp bắt đầu lúc', type: 'datetime-local', required: true }),
    field('close', { name: 'meetingEnd', label: 'Phiên họp kết thúc lúc', type: 'datetime-local', required: true }),
    el('button', { type: 'submit', class: 'button' }, 'Kết thúc phiên họp'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = new FormData(form);
    const view = await send(form, `${base()}/close`, { meetingStart: instant(f.get('meetingStart')), meetingEnd: instant(f.get('meetingEnd')) });
    if (view) notify(status, 'Đã kết thúc phiên họp; kết quả được chuyển vào từng hồ sơ.', 'success');
  });
  return el('section', { class: 'card', id: 'close', 'aria-labelledby': 'h-close' }, el('h2', { id: 'h-close' }, 'Kết thúc phiên họp'),
    el('p', { class: 'hint' }, 'Thư ký khoa học ghi thời gian bắt đầu và kết thúc phiên họp. Hội đồng chỉ kết luận khi đủ số thành viên.'), form);
}

function render(view) {
  if (isEvaluation(view)) {
    // An evaluation council (nghiệm thu): the page's title says so.
    const title = 'Phiếu đánh giá, nghiệm thu của thành viên hội đồng';
    $('#page-title').textContent = title;
    document.title = `${title} – Chương trình NSCL Đà Nẵng`;
  }
  append(clear(root), [heading(view),
    view.declaration ? declared(view) : declarationForm(view),
    view.declaration ? el('section', { id: 'sheets', 'aria-labelledby': 'h-sheets' },
      el('h2', { id: 'h-sheets' }, isEvaluation(view) ? 'Bước 2. Phiếu đánh giá, nghiệm thu kết quả từng nhiệm vụ' : 'Bước 2. Phiếu đánh giá từng hồ sơ'),
      view.applications.map((a) => application(view, a))) : null,
    view.progress ? progress(view) : null,
    view.canClose ? closeForm() : null]);
}

async function start() {
  if (!councilId || !memberId || !caller.access) {
    notify(status, 'Đường dẫn không đầy đủ. Vui lòng mở lại đường dẫn trong thư mời của Sở Khoa học và Công nghệ.', 'error');
    return;
  }
  try {
    render(await api(base(), { access: caller.access }));
  } catch (error) {
    notify(status, error instanceof ApiError && error.status === 404
      ? 'Không tìm thấy phiếu của thành viên với đường dẫn này. Vui lòng mở lại đường dẫn trong thư mời (đường dẫn có thể đã được thay).'
      : 'Không kết nối được máy chủ; vui lòng thử lại.', 'error');
  }
}

start();
