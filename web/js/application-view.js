// What the status page and the officer's application page both show: the summary, what is due next, the timeline
// (audit trail) and the documents.
import { el, clear, notify, vnd, date, dateTime } from './dom.js';
import { api, download, downloadAttachment, uploadAttachment, ApiError } from './api.js';
import { field } from './forms.js';
import { AUDIT_TEXT, payableName } from './actions.js';

const NEXT_STEP = {
  Submitted: 'Hệ thống đang tiếp nhận hồ sơ',
  AwaitingCompletenessReview: 'Sở KH&CN kiểm tra tính đầy đủ, hợp lệ của hồ sơ',
  SupplementationRequested: 'Doanh nghiệp nộp bổ sung hồ sơ',
  UnderAppraisal: 'Hội đồng/chuyên gia thẩm định hồ sơ',
  CompletenessAccepted: 'Thẩm định hồ sơ',
  AwaitingApproval: 'Lãnh đạo Sở xem xét phê duyệt',
  InImplementation: 'Doanh nghiệp thực hiện nhiệm vụ và báo cáo tiến độ',
  AwaitingFinalEvaluation: 'Báo cáo tổng kết và đánh giá nghiệm thu',
  AwaitingDecisionSigning: 'Lãnh đạo Sở ký, ban hành quyết định phê duyệt',
  AwaitingFinalPayment: 'Kế toán chi trả kinh phí còn lại',
  AwaitingRecognitionSigning: 'Lãnh đạo Sở ký, ban hành quyết định công nhận kết quả thực hiện nhiệm vụ',
};

const KIND_TEXT = {
  Submitted: 'Nộp hồ sơ', ReceiptAcknowledged: 'Tiếp nhận hồ sơ', ReceiptAcknowledgedAgain: 'Tiếp nhận hồ sơ', CompletenessAccepted: 'Hồ sơ đầy đủ, hợp lệ',
  SupplementationRequested: 'Yêu cầu bổ sung', SupplementationExpired: 'Quá hạn bổ sung, dừng xử lý và trả hồ sơ', Resubmitted: 'Nộp bổ sung', Expired: 'Quá hạn, dừng xử lý và trả hồ sơ',
  AppraisalSubmitted: 'Thẩm định', Approved: 'Phê duyệt', ApprovalRefused: 'Chưa phê duyệt được', Rejected: 'Không phê duyệt',
  CheckInSubmitted: 'Báo cáo tiến độ', CheckInAccepted: 'Chấp nhận báo cáo tiến độ', CheckInRevisionRequested: 'Yêu cầu sửa báo cáo',
  ExtensionRequested: 'Đề nghị gia hạn', ExtensionGranted: 'Đồng ý gia hạn', ExtensionRefused: 'Không đồng ý gia hạn',
  FinalReportSubmitted: 'Báo cáo tổng kết', EvaluationPassed: 'Nghiệm thu đạt', EvaluationFailed: 'Nghiệm thu không đạt',
  Withdrawn: 'Rút hồ sơ', Cancelled: 'Hủy hỗ trợ', Escalated: 'Quá hạn', ActionIgnored: 'Thao tác không thực hiện được',
  NotificationFailed: 'Gửi thư không thành công', AccessLinkRotated: 'Cấp lại đường liên kết',
  DocumentFailed: 'Lập văn bản không thành công', DocumentReissued: 'Đã lập lại văn bản', InboxFailed: 'Cập nhật hộp việc không thành công', ActionFailed: 'Thao tác bị lỗi hệ thống',
  InboxRestored: 'Đã cập nhật lại hộp việc', LedgerRefused: 'Không ghi được vào sổ kinh phí',
  DecisionSigned: 'Ban hành quyết định (đã ký)', PaymentRecorded: 'Chi trả kinh phí',
  Assigned: 'Sở đặt hàng, giao trực tiếp nhiệm vụ', AssignmentConfirmed: 'Doanh nghiệp xác nhận nhận nhiệm vụ',
  CouncilEvaluated: 'Kết luận của hội đồng đánh giá, nghiệm thu',
  EvaluationAwaitingRecognition: 'Nghiệm thu đạt, chờ quyết định công nhận', RecognitionSigned: 'Ban hành quyết định công nhận kết quả (đã ký)',
};

export function nextStepText(view) {
  const lifecycle = view.lifecycle ?? {};
  if (view.status === 'InImplementation' && lifecycle.currentCheckIn) {
    const open = (lifecycle.checkIns ?? []).find((c) => c.status !== 'Accepted');
    return open?.status === 'Submitted' ? `Sở KH&CN xem xét báo cáo tiến độ lần ${lifecycle.currentCheckIn}` : `Báo cáo tiến độ lần ${lifecycle.currentCheckIn}`;
  }
  if (view.status === 'AwaitingFinalEvaluation') return lifecycle.finalReport ? 'Hội đồng đánh giá nghiệm thu' : 'Doanh nghiệp nộp báo cáo tổng kết';
  return NEXT_STEP[view.status] ?? null;
}

export function summary(view, kindName) {
  const lifecycle = view.lifecycle ?? {};
  const next = nextStepText(view);
  const rows = [
    ['Mã hồ sơ', view.trackingCode], ['Trạng thái', view.statusText],
    view.enterpriseCode ? ['Doanh nghiệp', `${view.enterpriseName} (${view.enterpriseCode})`] : ['Cơ quan, đơn vị', view.enterpriseName],
    ['Người liên hệ', view.contactName], ['Nhiệm vụ', view.title], ['Nội dung hỗ trợ', kindName ?? view.supportKindId],
    ['Kinh phí đề nghị', vnd(view.requestedAmountVnd)], ['Ngày nộp', dateTime(view.submittedAtUtc)],
  ];
  const p = view.profile;
  if (p) {
    // The legal representative is not the contact person: both are shown, each under its own label.
    rows.splice(3, 0, ['Người đại diện theo pháp luật', [p.legalRepresentativeName, p.legalRepresentativePosition].filter(Boolean).join(', ')],
      ['Địa chỉ trụ sở chính', p.address], ['Địa bàn', p.districtName ?? p.districtId]);
    if (p.sectorCode) rows.push(['Ngành kinh tế chính', `${p.sectorCode} – ${p.sectorName ?? ''}`]);
    if (p.employees != null || p.revenueBandName) {
      rows.push(['Quy mô', [p.employees != null ? `${p.employees} lao động` : null, p.revenueBandName ? `doanh thu năm: ${p.revenueBandName.toLowerCase()}` : null].filter(Boolean).join('; ')]);
    }
    if (p.ownContributionVnd != null) rows.push(['Kinh phí đối ứng', vnd(p.ownContributionVnd)]);
    if (p.durationMonths != null) rows.push(['Thời gian thực hiện', `${p.durationMonths} tháng`]);
  }
  if (view.nominees?.length) {
    rows.push(['Người được đề cử', el('ul', {}, view.nominees.map((n) => el('li', {}, [n.name, n.position, n.organisation].filter(Boolean).join(', '))))]);
  }
  if (lifecycle.integratedFundingFrom) rows.push(['Nguồn kinh phí', `Kinh phí lồng ghép từ ${lifecycle.integratedFundingFrom}`]);
  if (view.coFunding?.length) {
    // The task's co-funding from other programmes and sources, as declared (or as the leader corrected it at approval).
    rows.push(['Kinh phí lồng ghép', el('ul', { id: 'co-funding' }, view.coFunding.map((s) => el('li', {}, `${s.name}: ${vnd(s.amountVnd)}`)))]);
  }
  if (view.totalCostVnd) rows.push(['Tổng kinh phí thực hiện nhiệm vụ', vnd(view.totalCostVnd)]);
  if (lifecycle.callClosesAtUtc) {
    // A file of a call: appraised with the call's other files once it stops receiving (the end of its close date).
    rows.push(['Đợt tuyển chọn', `Hồ sơ được thẩm định cùng các hồ sơ của đợt sau khi hết hạn nhận hồ sơ (hết ngày ${date(new Date(Date.parse(lifecycle.callClosesAtUtc) - 1000).toISOString())}).`]);
  }
  if (lifecycle.approval) rows.push(['Kinh phí được duyệt', vnd(lifecycle.approval.amountVnd)]);
  if (lifecycle.disbursedVnd) rows.push(['Đã giải ngân', vnd(lifecycle.disbursedVnd)]);
  if (lifecycle.payables?.length) {
    // Officers see the treasury reference and the accountant's note; the enterprise amounts, dates and whether paid.
    rows.push(['Chi trả kinh phí', el('ul', { id: 'payables' }, lifecycle.payables.map((p) => el('li', { dataset: { payable: p.id, paid: p.payment ? 'true' : 'false' } },
      `${payableName(p)}: ${vnd(p.amountVnd)} — `,
      p.payment
        ? `đã chi trả ngày ${date(p.payment.paidOn)}${p.payment.treasuryReference ? ` (chứng từ ${p.payment.treasuryReference})` : ''}${p.payment.note ? `; ${p.payment.note}` : ''}${p.payment.file ? `; tệp chứng từ: ${p.payment.file}` : ''}`
        : `chờ chi trả, hạn ${date(p.dueUtc)}`)))]);
  }
  if (lifecycle.rejectionReason) rows.push(['Lý do không phê duyệt', lifecycle.rejectionReason]);
  if (lifecycle.closingReason) rows.push(['Lý do kết thúc', lifecycle.closingReason]);
  const open = (lifecycle.supplementations ?? []).at(-1);
  return el('section', { class: 'card', 'aria-labelledby': 'h-summary' },
    el('h2', { id: 'h-summary' }, 'Thông tin hồ sơ'),
    el('dl', { class: 'facts' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', { dataset: { fact: k } }, v ?? '—')])),
    next ? el('p', { class: 'next-step', id: 'next-step' }, el('strong', {}, 'Việc tiếp theo: '), next,
      view.nextDueUtc ? ` — hạn ${date(view.nextDueUtc)}` : '') : null,
    view.status === 'SupplementationRequested' && open?.missingItems?.length
      ? el('div', { class: 'notice notice-info' }, el('p', {}, 'Tài liệu cần bổ sung:'), el('ul', {}, open.missingItems.map((m) => el('li', {}, m))))
      : null);
}

export async function timeline(view, caller) {
  const history = await api(`/api/applications/${encodeURIComponent(view.applicationId)}/history`, caller);
  return el('section', { class: 'card', 'aria-labelledby': 'h-history' },
    el('h2', { id: 'h-history' }, 'Quá trình xử lý'),
    el('ol', { class: 'timeline' }, history.entries.map((e) => el('li', { dataset: { kind: e.kind } },
      el('time', { datetime: e.atUtc }, dateTime(e.atUtc)), ' ',
      el('strong', {}, KIND_TEXT[e.kind] ?? AUDIT_TEXT[e.kind] ?? e.kind),
      e.actor ? el('span', { class: 'muted' }, ` · ${e.actor === 'enterprise' ? 'Doanh nghiệp' : e.actor === 'system' ? 'Hệ thống' : e.actor}`) : '',
      e.detail ? el('p', {}, e.detail) : null))));
}

export async function documents(view, caller, onUploaded) {
  const section = el('section', { class: 'card', 'aria-labelledby': 'h-docs' }, el('h2', { id: 'h-docs' }, 'Tài liệu'));
  const list = el('ul', { class: 'documents' });
  // The documents the kind requires, attached or still missing: what the completeness check looks at.
  const required = el('div', { class: 'required-documents', id: 'required-documents-status' });
  let requiredDocuments = [];
  const render = async () => {
    const { items, requiredDocuments: docs = [] } = await api(`/api/applications/${encodeURIComponent(view.applicationId)}/attachments`, caller);
    requiredDocuments = docs;
    clear(required);
    if (docs.length > 0) {
      const missing = docs.filter((d) => !d.attached);
      required.append(el('h3', {}, 'Tài liệu bắt buộc'),
        el('ul', { class: 'checklist' }, docs.map((d) => el('li', { dataset: { document: d.id, name: d.name, attached: String(d.attached) } },
          el('strong', {}, d.attached ? 'Đã nộp: ' : 'Còn thiếu: '), d.name, d.files.length ? el('span', { class: 'muted' }, ` (${d.files.join(', ')})`) : ''))),
        missing.length > 0 ? el('p', { class: 'notice notice-info' }, `Còn thiếu ${missing.length} tài liệu bắt buộc.`) : el('p', {}, 'Đã đủ tài liệu bắt buộc.'));
    }
    clear(list).append(...(items.length === 0 ? [el('li', { class: 'muted' }, 'Chưa có tài liệu.')] : items.map((item) => {
      const button = el('button', { type: 'button', class: 'link-button' }, `Tải về ${item.name}`);
      button.addEventListener('click', () => downloadAttachment(view.applicationId, item.name, caller));
      return el('li', {}, button, el('span', { class: 'muted' }, ` (${Math.ceil(item.sizeBytes / 1024)} KB, ${dateTime(item.uploadedAtUtc)})`));
    })));
  };
  await render();
  section.append(required, list);
  if (onUploaded) section.append(onUploaded(render, () => requiredDocuments));
  return section;
}

/**
 * The documents the Department issued for the application (appraisal record for officers; the decision and the
 * evaluation minutes for the enterprise too), latest version of each; null when there is none yet.
 */
export async function issuedDocuments(view, caller) {
  const { items } = await api(`/api/applications/${encodeURIComponent(view.applicationId)}/documents`, caller);
  if (items.length === 0) return null;
  return el('section', { class: 'card', 'aria-labelledby': 'h-issued' }, el('h2', { id: 'h-issued' }, 'Văn bản của Sở'),
    el('ul', { class: 'documents issued' }, items.map((item) => {
      const button = el('button', { type: 'button', class: 'link-button', dataset: { kind: item.kind } }, `Tải về ${item.title}`);
      button.addEventListener('click', () => download(item.url, item.fileName, caller));
      const versions = item.versions > 1 ? `, bản thứ ${item.version}` : '';
      const type = item.contentType === 'application/pdf' ? 'PDF' : 'Word';
      return el('li', {}, button, el('span', { class: 'muted' }, ` (${type}, ${Math.ceil(item.sizeBytes / 1024)} KB, ${dateTime(item.createdAtUtc)}${versions})`));
    })));
}

/** A form to add a file to the application; refresh re-reads the list, status is the page's live region. */
export function uploadForm(applicationId, caller, status) {
  return (refresh, requiredDocuments = () => []) => {
    const docs = requiredDocuments();
    const kind = docs.length > 0
      ? field('upload', { name: 'documentKind', label: 'Loại tài liệu', type: 'select',
        options: [...docs.map((d) => [d.id, `${d.name}${d.attached ? ' (đã nộp)' : ''}`]), ['', 'Tài liệu khác']] })
      : null;
    const form = el('form', { class: 'upload-form' }, kind, field('upload', { name: 'file', label: 'Tải thêm tài liệu (PDF, DOCX, JPG, PNG; tối đa 10 MB)', type: 'file', accept: '.pdf,.docx,.jpg,.jpeg,.png', required: true }),
      el('button', { type: 'submit', class: 'button secondary' }, 'Tải lên'));
    if (kind) {
      const first = docs.find((d) => !d.attached);
      form.elements.documentKind.value = first ? first.id : '';
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const file = form.elements.file.files[0];
      if (!file) return;
      const documentKind = form.elements.documentKind?.value || null;
      try { await uploadAttachment(applicationId, file, { ...caller, documentKind }); form.reset(); await refresh(); notify(status, 'Đã tải tài liệu lên.', 'success'); } catch (e) {
        notify(status, e instanceof ApiError ? e.message : 'Không tải lên được tệp.', 'error');
      }
    });
    return form;
  };
}
