// One application as an officer of its unit sees it: summary, lifecycle records, documents, history, and a form for
// each action the state and the officer's roles allow (allowedActions of the view).
import { el, $, clear, notify, vnd, date, dateTime } from './dom.js';
import { api, stepSignature, waitForChange, ApiError } from './api.js';
import { requireOfficer } from './session.js';
import { officerNav } from './officer-nav.js';
import { summary, timeline, documents, issuedDocuments, uploadForm } from './application-view.js';
import { exportButtons } from './exports.js';
import { actionForms, staleNotice } from './actions.js';

const id = new URLSearchParams(location.search).get('id');
const caller = { officer: true };
const root = $('#application');
const status = $('#page-status');
let kinds = [];
const load = () => api(`/api/applications/${encodeURIComponent(id)}`, caller);

// A progress report's state as officers say it (CheckInStatus).
const CHECK_IN_TEXT = { Open: 'Chưa nộp', Submitted: 'Đã nộp, chờ xem xét', RevisionRequested: 'Yêu cầu sửa, bổ sung', Accepted: 'Đã chấp nhận' };

function records(view) {
  const l = view.lifecycle ?? {};
  const rows = [];
  if (l.council) {
    const c = l.council;
    rows.push(['Hội đồng thẩm định', `${c.name}, Quyết định số ${c.decisionNumber} ngày ${date(c.decisionSignedOn)}; họp ${dateTime(c.meetingStartUtc)} – ${dateTime(c.meetingEndUtc)}; `
      + `${c.members.filter((m) => m.counted).length}/${c.members.length} phiếu được tính${c.members.some((m) => m.recusalReason !== null && m.recusalReason !== undefined) ? '; có thành viên không tham gia do xung đột lợi ích' : ''}`]);
  }
  // AppraisalRecord as the API writes it: recommendsSupport, recommendedAmountVnd, totalScore.
  for (const a of l.appraisals ?? []) {
    rows.push(['Thẩm định', `${a.appraiser ?? ''}: ${a.totalScore != null ? `${a.totalScore} điểm; ` : ''}${a.recommendsSupport ? `đề xuất hỗ trợ ${a.recommendedAmountVnd ? vnd(a.recommendedAmountVnd) : ''}` : 'không đề xuất hỗ trợ'}`]);
  }
  if (l.callId) {
    rows.push(['Đợt tuyển chọn', el('a', { href: `dot-tuyen-chon.html?id=${encodeURIComponent(l.callId)}`, id: 'application-call' },
      `Xem đợt (thẩm định sau khi hết hạn nhận hồ sơ ${date(l.callClosesAtUtc ? new Date(Date.parse(l.callClosesAtUtc) - 1000).toISOString() : null)})`)]);
  }
  if (l.approval) rows.push(['Phê duyệt', `${vnd(l.approval.amountVnd)} (năm ${l.approval.budgetYear ?? ''})`]);
  if (l.signedDecision) rows.push(['Quyết định đã ký', `Số ${l.signedDecision.numberAndSymbol} ngày ${date(l.signedDecision.signedOn)}, ${l.signedDecision.signerTitle} ${l.signedDecision.signerName} ký`]);
  (l.checkIns ?? []).forEach((c, i) => rows.push([`Báo cáo tiến độ lần ${i + 1}`,
    `${CHECK_IN_TEXT[c.status] ?? c.status}${c.dueUtc ? `, hạn ${date(c.dueUtc)}` : ''}`]));
  if (l.pendingExtension) {
    const e = l.pendingExtension;
    const why = e.reason ?? e.note;
    rows.push(['Đề nghị gia hạn', `Hạn mới ${date(e.newDueDate)}${why ? ` – ${why}` : ''}`]);
  }
  if (l.finalReport) rows.push(['Báo cáo tổng kết', l.finalReport.text]);
  if (l.councilEvaluation) {
    // An evaluation council's verdict: the leader's evaluate follows it (same result, at most its amount).
    const e = l.councilEvaluation;
    const c = e.council;
    rows.push(['Hội đồng nghiệm thu', `${c.name}, Quyết định số ${c.decisionNumber} ngày ${date(c.decisionSignedOn)}; họp ${dateTime(c.meetingStartUtc)} – ${dateTime(c.meetingEndUtc)}; `
      + `${e.sheets.length}/${c.members.length} phiếu được tính; kết luận: ${e.passed ? `đạt, đề nghị nghiệm thu ${vnd(e.recommendedAmountVnd)}` : 'không đạt'}`
      + `${e.outcome ? ` (${e.outcome.total}/${e.outcome.maxTotal} điểm)` : ''}`]);
  }
  if (l.evaluation) rows.push(['Nghiệm thu', l.evaluation.passed ? 'Đạt' : 'Không đạt']);
  if (l.signedRecognition) {
    const r = l.signedRecognition;
    rows.push(['Quyết định công nhận kết quả', `Số ${r.numberAndSymbol} ngày ${date(r.signedOn)}, ${r.signerTitle} ${r.signerName} ký`]);
  }
  if (l.lastApprovalRefusal) rows.push(['Phê duyệt bị từ chối', l.lastApprovalRefusal.message ?? String(l.lastApprovalRefusal)]);
  const problems = [
    ...(l.documentFailures ?? []).map((f) => `Chưa lập được ${f.title ?? f.kind} (${f.attempts} lần): ${f.error}. Hệ thống sẽ lập lại ở bước xử lý tiếp theo.`),
    ...(l.inboxFailure ? [`Hộp việc chưa được cập nhật: ${l.inboxFailure}`] : []),
    ...(l.lastLedgerRefusal ? [l.lastLedgerRefusal] : []),
    ...(l.ledgerIssues ?? []),
  ];
  if (rows.length === 0 && problems.length === 0) return null;
  return el('section', { class: 'card', 'aria-labelledby': 'h-records' }, el('h2', { id: 'h-records' }, 'Kết quả xử lý'),
    problems.map((p) => el('p', { class: 'notice notice-error', dataset: { problem: '' } }, p)),
    el('dl', { class: 'facts' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
}

/** The e-mails of the application (GET …/notifications): what went to whom, and what could not be sent and why. */
async function notifications(view) {
  const { problems, notifications: mails } = await api(`/api/applications/${encodeURIComponent(view.applicationId)}/notifications`, caller);
  const section = el('section', { class: 'card', 'aria-labelledby': 'h-mails' }, el('h2', { id: 'h-mails' }, 'Thư thông báo'));
  if (problems > 0) {
    section.append(el('p', { class: 'notice notice-error', id: 'mail-problems' },
      `${problems} thư chưa gửi được hoặc chưa xác nhận; xem lý do bên dưới và liên hệ người nhận bằng cách khác nếu cần.`));
  }
  if (mails.length === 0) {
    section.append(el('p', { class: 'muted' }, 'Chưa có thư nào.'));
    return section;
  }
  const sorted = [...mails].sort((a, b) => String(b.createdAtUtc).localeCompare(String(a.createdAtUtc)));
  section.append(el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Danh sách thư thông báo' },
    el('table', { class: 'table', id: 'mail-table' },
      el('thead', {}, el('tr', {}, ['Thời gian', 'Tiêu đề', 'Người nhận', 'Tình trạng'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, sorted.map((m) => {
        const failed = m.state === 'Failed' || m.state === 'Unconfirmed';
        return el('tr', { class: failed ? 'overdue' : '', dataset: { event: m.event, state: m.state } },
          el('td', {}, dateTime(m.createdAtUtc)), el('td', {}, m.subject), el('td', {}, m.recipient),
          el('td', {}, failed ? el('span', { class: 'badge badge-danger' }, m.stateText) : m.stateText,
            m.reason ? el('div', { class: 'muted' }, m.reason) : ''));
      })))));
  return section;
}

async function render(view) {
  $('#title').textContent = `Hồ sơ ${view.trackingCode}`;
  const parts = [summary(view, kinds.find((k) => k.id === view.supportKindId)?.name), records(view)];
  const forms = actionForms(view.applicationId, [...view.allowedActions, ...(view.annotations ?? [])], caller, async (name) => {
    // A note changes no step: wait for it to be recorded (the file's updatedAtUtc), not for a step.
    const signature = (view.annotations ?? []).includes(name) ? (v) => v.updatedAtUtc : stepSignature;
    const before = signature(view);
    await render(await waitForChange(load, (v) => signature(v) !== before));
    notify(status, 'Hồ sơ đã được cập nhật.', 'success');
  }, { version: view.version, view, rubrics: kinds.find((k) => k.id === view.supportKindId)?.rubrics, onStale: async () => {
    const now = await load();
    await render(now);
    notify(status, staleNotice(view, now), 'error');
  } });
  parts.push(el('section', { class: 'card', 'aria-labelledby': 'h-actions' }, el('h2', { id: 'h-actions' }, 'Xử lý hồ sơ'),
    forms.length > 0 ? forms : el('p', { class: 'muted', id: 'no-actions' }, 'Không có thao tác nào cho vai trò của bạn ở trạng thái này.')));
  const open = !['Completed', 'Failed', 'Rejected', 'Withdrawn', 'Cancelled', 'Expired'].includes(view.status);
  parts.push(await issuedDocuments(view, caller), await documents(view, caller, open ? uploadForm(view.applicationId, caller, status) : null), await timeline(view, caller),
    exportButtons('Xuất lịch sử hồ sơ', [{ id: 'export-history', text: 'Xuất lịch sử hồ sơ (Excel)',
      path: () => `/api/exports/applications/${encodeURIComponent(view.applicationId)}/history`, fileName: `lich-su-${view.trackingCode}.xlsx` }], status),
    await notifications(view));
  clear(root).append(...parts.filter(Boolean));
  // The completeness check: the kind's required documents still missing are proposed as the items to ask for.
  const missing = [...root.querySelectorAll('#required-documents-status li[data-attached="false"]')].map((li) => li.dataset.name);
  const ask = root.querySelector('textarea[name="missingItems"]');
  if (ask && ask.value === '' && missing.length > 0) ask.value = missing.join('\n');
}

async function start() {
  if (!requireOfficer()) return;
  officerNav();
  try {
    kinds = (await api('/api/catalogue')).supportKinds;
    await render(await load());
  } catch (error) {
    notify(status, error instanceof ApiError && error.status === 404 ? 'Không tìm thấy hồ sơ, hoặc hồ sơ thuộc đơn vị khác.' : 'Không tải được hồ sơ.', 'error');
  }
}

start();
