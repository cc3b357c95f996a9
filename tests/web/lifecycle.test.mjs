// Acceptance (a): an enterprise submits with an attachment → an officer finds it in the inbox and asks for more →
// the enterprise resubmits → appraisal → approval → a check-in, accepted → final report → evaluation passed →
// the accountant records each payment → completed; the dashboard's amounts follow. Support kind expert-training: one check-in, at most 20.000.000 đồng.
// First, the Admin records this year's allocation of an item through the dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { baseUrl, launch, checkAccessibility, screenshot, eventually, refreshInbox, signInAsAdmin, PNG, PDF, fillParticulars } from './support.mjs';

const AMOUNT = 20_000_000;
const YEAR = '2025';

async function budgetRow(page) {
  await page.goto(`${baseUrl}/can-bo/tong-quan.html`);
  await page.locator('#year-form input[name=year]').fill(YEAR);
  await page.getByRole('button', { name: 'Xem / làm mới' }).click();
  const row = page.locator(`#budget-table tr[data-line="I.2"][data-year="${YEAR}"]`);
  await row.waitFor();
  const read = async (field) => Number(await row.locator(`td[data-field="${field}"]`).getAttribute('data-value'));
  // Rendered together with the table: persons certified as productivity experts (target II.2, from completed expert training).
  const experts = Number(await page.locator('li[data-target="experts-certified"] [data-field="achieved"]').getAttribute('data-value'));
  return { reserved: await read('reservedVnd'), disbursed: await read('disbursedVnd'), remaining: await read('remainingVnd'), experts };
}

/** Submits the action form, then waits (the workflow records the action a moment later) until shown() is on the page. */
async function submitAction(page, action, fill, shown) {
  const form = page.locator(`form[data-action="${action}"]`);
  await form.waitFor();
  await fill(form);
  await form.getByRole('button').last().click();
  try {
    await shown().waitFor({ timeout: 90_000 });
  } catch (error) {
    await screenshot(page, `failed-${action}`);
    throw error;
  }
}

/** …until the page shows the step or state that follows. */
const act = (page, action, fill, expectNextStep) =>
  submitAction(page, action, fill, () => page.locator('#next-step, [data-fact="Trạng thái"]').filter({ hasText: expectNextStep }).first());

/** …until the page's timeline shows the entry the action records. */
const actRecorded = (page, action, fill, auditKind) =>
  submitAction(page, action, fill, () => page.locator(`.timeline li[data-kind="${auditKind}"]`));

test('an application goes from the form to completed through the pages', async () => {
  const enterprise = await launch();
  const officerBrowser = await launch();
  try {
    // The officer signs in (development sign-in) and notes the budget before.
    const officer = await officerBrowser.context.newPage();
    await signInAsAdmin(officer, async (signIn) => {
      await checkAccessibility(signIn, 'sign-in');
      await screenshot(signIn, '05-dang-nhap');
    });
    // The sign-in page follows next= only to a path of this site: "/\\evil.example" is another host to a browser.
    await officer.goto(`${baseUrl}/can-bo/dang-nhap.html#next=${encodeURIComponent('/\\evil.example')}`);
    await officer.getByRole('button', { name: 'Đăng nhập' }).click();
    await officer.waitForURL(`${baseUrl}/can-bo/hop-thu.html`);

    // The dashboard opens on this year; the Admin records this year's allocation of I.1 with its document.
    const thisYear = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date());
    await officer.goto(`${baseUrl}/can-bo/tong-quan.html`);
    const allocationForm = officer.locator('#allocation-form');
    await allocationForm.waitFor();
    assert.equal(await officer.locator('#year-form input[name=year]').inputValue(), thisYear, 'the dashboard opens on the current year');
    await allocationForm.locator('select[name=lineId]').selectOption('I.1');
    await allocationForm.getByLabel('Số tiền (đồng)').fill('150000000');
    await allocationForm.getByLabel('Số, ký hiệu văn bản').fill('4567/QĐ-UBND');
    await allocationForm.getByLabel('Ngày ban hành').fill(new Date().toISOString().slice(0, 10));
    await allocationForm.getByLabel('Cơ quan ban hành').fill('UBND thành phố Đà Nẵng');
    await allocationForm.getByRole('button', { name: /Ghi nhận/ }).click();
    await officer.locator('#allocation-log tr[data-line="I.1"][data-kind="allocate"]').waitFor();
    const allocated = officer.locator(`#budget-table tr[data-line="I.1"][data-year="${thisYear}"] td[data-field="allocatedVnd"]`);
    assert.equal(await allocated.getAttribute('data-value'), '150000000');
    assert.equal(await allocated.getAttribute('data-source'), 'recorded');
    await checkAccessibility(officer, 'dashboard-allocations');
    await screenshot(officer, '12-du-toan-duoc-giao');

    const before = await budgetRow(officer);

    // The enterprise fills the form, with an attachment, and submits.
    const page = await enterprise.context.newPage();
    await page.goto(`${baseUrl}/dang-ky.html`);
    await page.getByLabel('Nội dung hỗ trợ').selectOption('expert-training');
    await page.locator('#kind-info').getByText('20.000.000 đồng/người').waitFor();
    await page.getByLabel('Danh sách người được đề cử').fill('Lê Văn Cường; Kỹ sư trưởng; Công ty TNHH Cơ khí Hòa Khánh');
    await page.getByLabel('Mã số doanh nghiệp').fill('0401234567');
    await page.getByLabel('Tên doanh nghiệp').fill('Công ty TNHH Cơ khí Hòa Khánh');
    await page.getByLabel('Người liên hệ').fill('Nguyễn Thị Hạnh');
    await page.getByLabel('Email liên hệ').fill('hanh@cokhi.vn');
    await page.getByLabel('Số điện thoại').fill('0236 3822 000');
    await page.getByLabel('Tên nhiệm vụ').fill('Đào tạo chuyên gia năng suất cho phòng kỹ thuật');
    await page.getByLabel('Tóm tắt nội dung').fill('Cử một kỹ sư tham gia khóa đào tạo chuyên gia năng suất Việt Nam.');
    await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill(String(AMOUNT));
    await fillParticulars(page, { durationMonths: '6' });
    // The kind's required documents, one file each (sent as that document); the form names them.
    await page.getByLabel('Văn bản cử người tham gia đào tạo chuyên gia năng suất').setInputFiles({ name: 'giấy đề cử.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('Sơ yếu lý lịch của người được đề cử').setInputFiles({ name: 'so-yeu-ly-lich.pdf', mimeType: 'application/pdf', buffer: PDF });
    await checkAccessibility(page, 'application form');
    await screenshot(page, '01-dang-ky');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/da-nop\.html/);
    const trackingCode = (await page.locator('#tracking-code').textContent()).trim();
    assert.match(trackingCode, /^NSCL-\d{4}-/);
    await checkAccessibility(page, 'submitted page');
    await screenshot(page, '02-da-nop');
    const statusLink = await page.locator('#status-link').getAttribute('href');
    assert.match(statusLink, /trang-thai\.html#id=.+&access=.+/);

    // The status page shows the file and the attachment.
    await page.goto(statusLink);
    await page.getByText('Tải về giấy đề cử.png').waitFor();
    await page.locator('#required-documents-status', { hasText: 'Đã đủ tài liệu bắt buộc.' }).waitFor();
    assert.match(await page.locator('[data-fact="Người đại diện theo pháp luật"]').textContent(), /Trần Văn Minh, Giám đốc/);
    assert.match(await page.locator('[data-fact="Người liên hệ"]').textContent(), /Nguyễn Thị Hạnh/);

    // The officer finds it in the inbox (after the workflow acknowledges receipt) and asks for a missing document.
    await officer.goto(`${baseUrl}/can-bo/hop-thu.html`);
    const row = officer.locator('#inbox-table tr', { hasText: trackingCode });
    await eventually(() => refreshInbox(officer),
      async () => (await row.count()) > 0, 'the application appears in the inbox');
    await checkAccessibility(officer, 'inbox');
    await screenshot(officer, '06-hop-thu');
    // Search without diacritics (issue 17): only matching tasks remain; cleared, the whole inbox again.
    const search = officer.getByLabel('Tìm theo tên, mã số doanh nghiệp hoặc mã hồ sơ');
    await search.fill('co khi hoa khanh');
    await refreshInbox(officer);
    assert.ok(await row.count() > 0, 'the search finds the enterprise by its name without diacritics');
    const names = await officer.locator('#inbox-table tbody tr td:nth-child(2)').allTextContents();
    assert.deepEqual(names.filter((n) => !/Cơ khí Hòa Khánh/i.test(n)), [], 'only matching enterprises are listed');
    await search.fill('khong co doanh nghiep nay');
    await officer.getByRole('button', { name: 'Lọc / làm mới' }).click();
    await officer.locator('#inbox-empty').waitFor();
    await search.fill('');
    await officer.getByRole('button', { name: 'Lọc / làm mới' }).click();
    await row.waitFor();
    await row.getByRole('link', { name: trackingCode }).click();
    await officer.waitForURL(/ho-so\.html\?id=/);
    await checkAccessibility(officer, 'officer application page');
    await screenshot(officer, '07-ho-so');
    await act(officer, 'request-supplementation', async (f) => {
      await f.getByLabel('Tài liệu cần bổ sung (mỗi dòng một mục)').fill('Báo cáo tài chính năm 2025');
      await f.getByLabel('Thời hạn bổ sung (ngày làm việc)').fill('40');
    }, 'Doanh nghiệp nộp bổ sung');

    // The enterprise resubmits with the document.
    await page.reload();
    await page.getByText('Báo cáo tài chính năm 2025').first().waitFor();
    await checkAccessibility(page, 'status page');
    await screenshot(page, '03-trang-thai-bo-sung');
    await act(page, 'resubmit', async (f) => {
      await f.getByLabel('Nội dung bổ sung').fill('Gửi báo cáo tài chính năm 2025.');
      await f.getByLabel(/Tài liệu kèm theo/).setInputFiles({ name: 'bao-cao-tai-chinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    }, 'kiểm tra tính đầy đủ');
    await page.getByText('Tải về bao-cao-tai-chinh.pdf').waitFor();
    await page.locator('.timeline li[data-kind="Resubmitted"]').waitFor();

    // Officer: the completeness review again, then appraisal and approval.
    await officer.reload();
    await act(officer, 'accept-completeness', async () => {}, /thẩm định/i);
    // Scored on a phone (390 px): the rubric's sheet fits the width without sideways scrolling.
    const wide = officer.viewportSize();
    await officer.setViewportSize({ width: 390, height: 844 });
    await act(officer, 'submit-appraisal', async (f) => {
      await f.getByLabel('Kinh phí đề xuất (đồng)').fill(String(AMOUNT));
      // The kind's rubric: one score (and a comment) per criterion; the page says what decides.
      await f.locator('[data-rubric]').getByText(/đạt khi tổng điểm từ 70\/100/).waitFor();
      const scores = f.locator('input[name^="score:"]');
      assert.equal(await scores.count(), 5);
      for (let i = 0; i < 5; i += 1) {
        const input = scores.nth(i);
        await input.fill(String(Number(await input.getAttribute('max')) * 0.8));
      }
      await f.locator('textarea[name="comment:hieu-qua"]').fill('Chỉ tiêu năng suất đo được.');
      const overflow = await officer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await screenshot(officer, '07-phieu-tham-dinh-dien-thoai');
      assert.ok(overflow <= 0, `the appraisal sheet is ${overflow} px wider than a phone's screen`);
    }, 'Lãnh đạo Sở xem xét phê duyệt');
    // The file's records name the appraisal as recorded: its score and the amount recommended.
    assert.match(await officer.locator('section[aria-labelledby="h-records"] dl').textContent(), /\d điểm; đề xuất hỗ trợ 20\.000\.000 đồng/);
    if (wide) await officer.setViewportSize(wide);
    await act(officer, 'approve', async (f) => {
      await f.getByLabel('Kinh phí phê duyệt (đồng)').fill(String(AMOUNT));
      await f.getByLabel('Năm ngân sách').fill(YEAR);
    }, 'Lãnh đạo Sở ký, ban hành quyết định phê duyệt');
    // The leader records the signed decision (its PDF, date and signer); the system gives its number; only now is the
    // enterprise told, and implementation starts.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    await act(officer, 'record-signed-decision', async (f) => {
      await f.getByLabel(/Tệp quyết định đã ký/).setInputFiles({ name: 'quyet-dinh-da-ky.pdf', mimeType: 'application/pdf', buffer: PDF });
      await f.getByLabel('Ngày ký').fill(today);
      await f.getByLabel('Họ tên người ký').fill('Nguyễn Văn Ký');
    }, 'Báo cáo tiến độ lần 1');
    // The officer page says the report's state and due date as officials write them, and the bar names roles in Vietnamese.
    await officer.locator('#application dd', { hasText: /^Chưa nộp, hạn \d{2}\/\d{2}\/\d{4}$/ }).first().waitFor();
    const who = officer.locator('.officer-nav .who', { hasText: '(Chuyên viên, Quản trị · ' });
    await who.waitFor();
    assert.doesNotMatch(await who.textContent(), /Admin|Officer/);
    await officer.locator('.timeline li[data-kind="DecisionSigned"]', { hasText: /QĐ-SKHCN/ }).waitFor();
    const approved = await budgetRow(officer);
    assert.equal(approved.reserved, before.reserved + AMOUNT, 'approval reserves the amount');
    assert.equal(approved.remaining, before.remaining - AMOUNT);
    await checkAccessibility(officer, 'dashboard');
    await screenshot(officer, '08-tong-quan');

    // The decision register (sổ văn bản) lists the decision under the number the system gave, linked to the file.
    await officer.getByRole('link', { name: 'Sổ văn bản' }).click();
    const entry = officer.locator('#register-table tbody tr', { hasText: trackingCode });
    await entry.waitFor();
    assert.match(await entry.locator('th').textContent(), /^\d+\/QĐ-SKHCN$/);
    assert.match(await entry.textContent(), /Nguyễn Văn Ký, Phó Giám đốc/);
    await checkAccessibility(officer, 'decision register');

    // The enterprise asks for more time for its first report; the officer grants it.
    const detail = statusLink.replace(/.*trang-thai\.html#id=([^&]+).*/, `${baseUrl}/can-bo/ho-so.html?id=$1`);
    await page.reload();
    const later = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
    await actRecorded(page, 'request-extension', async (f) => {
      await f.getByLabel('Hạn mới đề nghị').fill(later);
      await f.getByLabel('Lý do').fill('Chờ lịch khai giảng khóa đào tạo.');
    }, 'ExtensionRequested');
    await officer.goto(detail);
    await officer.locator('#application dd', { hasText: /^Hạn mới \d{2}\/\d{2}\/\d{4} – Chờ lịch khai giảng/ }).waitFor();
    await actRecorded(officer, 'decide-extension', (f) => f.getByLabel('Đồng ý gia hạn').check(), 'ExtensionGranted');
    await officer.locator('.timeline li[data-kind="ExtensionGranted"]', { hasText: 'Đồng ý gia hạn' }).waitFor();

    // The enterprise reports progress; the officer accepts it.
    await page.reload();
    await page.locator('.timeline li[data-kind="ExtensionGranted"]').waitFor();
    await act(page, 'submit-check-in', async (f) => {
      await f.getByLabel('Nội dung báo cáo').fill('Kỹ sư đã hoàn thành khóa đào tạo.');
      await f.getByLabel('Tỷ lệ hoàn thành (%)').fill('100');
    }, 'xem xét báo cáo tiến độ lần 1');
    await officer.goto(detail);
    await act(officer, 'review-check-in', async () => {}, 'Doanh nghiệp nộp báo cáo tổng kết');

    // The accepted report's tranche is payable, not paid: the accountant records the payment (the amount prefilled).
    const accepted = await budgetRow(officer);
    assert.equal(accepted.disbursed, before.disbursed, 'an accepted report pays nothing by itself');
    await officer.goto(detail);
    await actRecorded(officer, 'record-payment', async (f) => {
      assert.equal(await f.getByLabel('Số tiền chi trả (đồng)').inputValue(), String(AMOUNT / 2), 'the payable\'s amount is prefilled');
      await f.getByLabel('Số chứng từ, mã giao dịch Kho bạc').fill('KB-2025-000123');
      await f.getByLabel(/Chứng từ chi trả/).setInputFiles({ name: 'uy-nhiem-chi.pdf', mimeType: 'application/pdf', buffer: PDF });
    }, 'PaymentRecorded');
    await officer.locator('#payables li[data-paid="true"]', { hasText: 'KB-2025-000123' }).waitFor();
    assert.match(await officer.locator('#payables li[data-paid="true"]').first().textContent(), /tệp chứng từ: uy-nhiem-chi/, 'the voucher is kept with the payment');
    assert.equal((await budgetRow(officer)).disbursed, before.disbursed + AMOUNT / 2, 'the payment disburses the tranche');
    await officer.goto(detail);

    // Final report, evaluation: completed.
    await page.reload();
    await act(page, 'submit-final-report', (f) => f.getByLabel('Kết quả thực hiện').fill('Được cấp chứng nhận chuyên gia năng suất.'), 'Hội đồng đánh giá nghiệm thu');
    await officer.reload();
    await act(officer, 'evaluate', async () => {}, 'Kế toán chi trả kinh phí còn lại');
    await act(officer, 'record-payment', (f) => f.getByLabel('Số chứng từ, mã giao dịch Kho bạc').fill('KB-2025-000456'), 'Hoàn thành (đạt)');
    await page.reload();
    await page.locator('[data-fact="Trạng thái"]', { hasText: 'Hoàn thành (đạt)' }).waitFor();
    await page.locator('.timeline li[data-kind="EvaluationPassed"]').waitFor();
    // The enterprise sees both payments, their amounts and dates, not the treasury's references.
    assert.equal(await page.locator('#payables li[data-paid="true"]').count(), 2);
    assert.doesNotMatch(await page.locator('#payables').textContent(), /KB-2025/);

    // The Department's documents: the enterprise gets its decision and the minutes (never the appraisal record) and
    // downloads a real Word file; the officer also sees the appraisal record.
    const minutes = page.getByRole('button', { name: 'Tải về Biên bản nghiệm thu' });
    // The page renders all its parts at once, the timeline last: once it is there, the documents list is too.
    const reloaded = async () => { await page.reload(); await page.locator('.timeline li[data-kind="EvaluationPassed"]').waitFor(); };
    await eventually(reloaded, async () => (await minutes.count()) === 1, 'the evaluation minutes are listed for the enterprise', 60_000);
    const signed = page.getByRole('button', { name: 'Tải về Quyết định phê duyệt hỗ trợ (bản đã ký)' });
    await signed.waitFor();
    assert.equal(await page.getByRole('button', { name: 'Tải về Biên bản thẩm định' }).count(), 0, 'the appraisal record is internal');
    assert.equal(await page.getByRole('button', { name: 'Tải về Dự thảo quyết định phê duyệt hỗ trợ' }).count(), 0, 'the draft decision is the officers\' only');
    const [saved] = await Promise.all([page.waitForEvent('download'), signed.click()]);
    assert.match(saved.suggestedFilename(), /^Quyết định số \d+-QĐ-SKHCN NSCL-\d{4}-[A-Z0-9]+\.pdf$/);
    const pdf = await readFile(await saved.path());
    assert.deepEqual(pdf, PDF, 'the very PDF the leader recorded');
    const [minutesFile] = await Promise.all([page.waitForEvent('download'), minutes.click()]);
    const docx = await readFile(await minutesFile.path());
    assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK', 'a Word (zip) file');
    await screenshot(page, '04-trang-thai-hoan-thanh');
    await officer.reload();
    await officer.getByRole('button', { name: 'Tải về Biên bản thẩm định' }).waitFor();
    await officer.getByRole('button', { name: 'Tải về Dự thảo quyết định phê duyệt hỗ trợ' }).waitFor();

    // Small screens: the enterprise's status page and the officer's dashboard fit a phone's width without sideways scrolling.
    for (const [p, name] of [[page, '10-trang-thai-dien-thoai'], [officer, '11-tong-quan-dien-thoai']]) {
      await p.setViewportSize({ width: 390, height: 844 });
      if (p === officer) await officer.goto(`${baseUrl}/can-bo/tong-quan.html`);
      await p.locator('main').waitFor();
      await p.waitForLoadState('networkidle');
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await screenshot(p, name);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the screen`);
    }

    // The programme counters are a projection written just after the step: read until the certified expert shows.
    let completed = await budgetRow(officer);
    await eventually(async () => { completed = await budgetRow(officer); }, async () => completed.experts === before.experts + 1,
      'the certified expert is counted');
    assert.equal(completed.disbursed, before.disbursed + AMOUNT, 'everything approved is paid out');
    assert.equal(completed.reserved, before.reserved, 'nothing stays reserved');
    assert.equal(approved.experts, before.experts, 'an expert counts once certified, not when approved');
    assert.equal(completed.experts, before.experts + 1, 'the certified expert counts towards the target');
  } finally {
    await enterprise.close();
    await officerBrowser.close();
  }
});

test('the inbox shows 50 tasks a page, with next and previous pages', async () => {
  // 55 more submissions through the API (the test host's abuse limits are raised), so the inbox has more than a page.
  const created = [];
  for (let i = 0; i < 55; i += 1) {
    const response = await fetch(`${baseUrl}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `paging-${Date.now()}-${i}` },
      body: JSON.stringify({
        enterpriseCode: '0401234567', enterpriseName: `Công ty TNHH Phân trang ${i}`, contactName: 'Nguyễn Thị Hạnh',
        contactEmail: `phan.trang.${i}@congty.vn`, phone: '0236 3822 000', supportKindId: 'productivity-tools',
        title: 'Áp dụng 5S tại xưởng', summary: 'Triển khai 5S cho hai dây chuyền gia công.', requestedAmountVnd: 150000000,
        legalRepresentativeName: 'Trần Văn Minh', legalRepresentativePosition: 'Giám đốc', address: '15 Bạch Đằng, phường Hải Châu', districtId: 'hai-chau',
        sectorCode: '46', employees: 20, revenueBandId: 'tren-3-den-10-ty', ownContributionVnd: 50000000, durationMonths: 12,
      }),
    });
    assert.equal(response.status, 201);
    created.push(await response.json());
  }
  // Every one received (its inbox task written) before the pages are compared: a task added meanwhile would move them.
  const received = async ({ applicationId, accessToken }) => {
    const view = await fetch(`${baseUrl}/api/applications/${applicationId}`, { headers: { 'X-Access-Token': accessToken } });
    return view.ok && (await view.json()).status === 'AwaitingCompletenessReview';
  };
  await eventually(async () => {}, async () => (await Promise.all(created.map(received))).every(Boolean), 'the 55 files are received', 300_000);
  const browser = await launch();
  try {
    const officer = await browser.context.newPage();
    await signInAsAdmin(officer);
    await officer.goto(`${baseUrl}/can-bo/hop-thu.html`);
    const next = officer.locator('#inbox-next');
    await eventually(() => refreshInbox(officer),
      async () => (await next.count()) > 0, 'the inbox has a second page', 300_000); // 55 workflows acknowledge receipt first
    const codes = async () => officer.locator('#inbox-table tbody tr td:first-child').allTextContents();
    const first = await codes();
    assert.equal(first.length, 50);
    await checkAccessibility(officer, 'inbox with pages');
    await next.click();
    await officer.locator('#inbox-previous').waitFor();
    const second = await codes();
    assert.ok(second.length > 0, 'the second page lists tasks');
    assert.deepEqual(second.filter((code) => first.includes(code)), [], 'no task on both pages');
    await officer.locator('#inbox-previous').click();
    await officer.locator('#inbox-previous').waitFor({ state: 'detached' });
    assert.deepEqual(await codes(), first);
  } finally {
    await browser.close();
  }
});
