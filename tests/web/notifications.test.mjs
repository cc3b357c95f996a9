// Notifications in the pages: an e-mail the provider refuses (here the capture endpoint answers 400 for one address)
// is visible to officers — flagged in the inbox, and on the application's page with its state and the reason; and the
// link in a receipt that did go out opens the enterprise's status page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, checkAccessibility, screenshot, eventually, refreshInbox, signInAsAdmin } from './support.mjs';

const application = (contactEmail, enterpriseName) => ({
  enterpriseCode: '0401234567', enterpriseName, contactName: 'Phan Văn Thư', contactEmail,
  phone: '0236 3822 000', supportKindId: 'productivity-tools', title: 'Áp dụng 5S tại kho',
  summary: 'Triển khai 5S tại kho thành phẩm, giảm thời gian tìm hàng.', requestedAmountVnd: 120000000,
  legalRepresentativeName: 'Trần Văn Minh', legalRepresentativePosition: 'Giám đốc', address: '15 Bạch Đằng, phường Hải Châu', districtId: 'hai-chau',
  sectorCode: '46', employees: 20, revenueBandId: 'tren-3-den-10-ty', ownContributionVnd: 50000000, durationMonths: 12,
});
const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

test('an e-mail the provider refuses shows in the inbox and on the application page', async () => {
  const to = `loi.thu.${Date.now()}@example.com`;
  const plan = await fetch(`${baseUrl}/dev/sendgrid/faults`, json({ status: 400, count: 1, to }));
  assert.equal(plan.status, 200);
  const submitted = await fetch(`${baseUrl}/api/applications`, json(application(to, 'Công ty TNHH Thư Lỗi')));
  assert.equal(submitted.status, 201);
  const { applicationId, trackingCode } = await submitted.json();

  const browser = await launch();
  try {
    const officer = await browser.context.newPage();
    await signInAsAdmin(officer);
    // The inbox shows 50 a page, overdue first, over every file of the suite's host: find this one as an officer would.
    await officer.getByLabel('Tìm theo tên, mã số doanh nghiệp hoặc mã hồ sơ').fill(trackingCode);
    const row = officer.locator(`#inbox-table tr[data-application-id="${applicationId}"]`);
    const flagged = row.locator('[data-mail-failures]');
    await eventually(() => refreshInbox(officer),
      // The refusal is recorded by the e-mail's own workflow after its retries, then projected: seconds alone, longer
      // under the whole suite's load.
      async () => (await flagged.count()) === 1, 'the inbox flags the refused e-mail', 240_000);
    assert.match(await flagged.textContent(), /1 thư lỗi/);

    await row.getByRole('link').click();
    const mail = officer.locator('#mail-table tr[data-event="Receipt"][data-state="Failed"]');
    await mail.waitFor();
    const text = await mail.textContent();
    assert.match(text, /Đã tiếp nhận hồ sơ/);
    assert.ok(text.includes(to), 'the recipient is shown');
    assert.match(text, /Gửi không thành công/);
    await officer.locator('#mail-problems', { hasText: '1 thư chưa gửi được' }).waitFor();
    await officer.locator('.timeline li[data-kind="NotificationFailed"]', { hasText: 'Không gửi được thư xác nhận tiếp nhận hồ sơ tới doanh nghiệp' }).waitFor();
    // Submitted through the API without files: the completeness check shows the kind's required documents as missing and
    // proposes them as the items to ask for; the legal representative and the contact are shown apart.
    await officer.locator('#required-documents-status li[data-attached="false"]', { hasText: 'Báo cáo tài chính năm gần nhất' }).waitFor();
    assert.match(await officer.locator('#required-documents-status').textContent(), /Còn thiếu 4 tài liệu bắt buộc/);
    assert.match(await officer.locator('textarea[name="missingItems"]').inputValue(), /Giấy chứng nhận đăng ký doanh nghiệp[^]*Báo cáo tài chính năm gần nhất/);
    assert.match(await officer.locator('[data-fact="Người đại diện theo pháp luật"]').textContent(), /Trần Văn Minh, Giám đốc/);
    assert.match(await officer.locator('[data-fact="Người liên hệ"]').textContent(), /Phan Văn Thư/);
    await checkAccessibility(officer, 'application with a refused e-mail');
    await screenshot(officer, '12-ho-so-thu-loi');
  } finally {
    await browser.close();
  }
});

test('the link in the receipt e-mail opens the enterprise\'s status page', async () => {
  const submitted = await fetch(`${baseUrl}/api/applications`, json(application(`nhan.thu.${Date.now()}@example.com`, 'Công ty TNHH Nhận Thư')));
  assert.equal(submitted.status, 201);
  const { applicationId, trackingCode } = await submitted.json();

  // The captured receipt (the local SendGrid capture endpoint's outbox), its plain-text part.
  let receipt;
  const until = Date.now() + 60_000;
  while (!receipt && Date.now() < until) {
    const outbox = await (await fetch(`${baseUrl}/dev/outbox.json`)).json();
    receipt = outbox.find((m) => m.message.personalizations?.[0]?.custom_args?.applicationId === applicationId
      && m.message.personalizations[0].custom_args.event === 'Receipt');
    if (!receipt) await new Promise((resolve) => { setTimeout(resolve, 300); });
  }
  assert.ok(receipt, 'the receipt was captured');
  const text = receipt.message.content.find((c) => c.type === 'text/plain').value;
  const link = text.match(/https?:\/\/\S+\/trang-thai\.html#id=\S+&access=\S+/)?.[0];
  assert.ok(link, `the receipt carries the status page's link: ${text}`);

  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(baseUrl + new URL(link).pathname + new URL(link).hash); // the capture host's own address may differ
    await page.locator('[data-fact="Mã hồ sơ"]', { hasText: trackingCode }).waitFor();
    await page.locator('[data-fact="Trạng thái"]', { hasText: 'Chờ kiểm tra tính đầy đủ, hợp lệ của hồ sơ' }).waitFor();
  } finally {
    await browser.close();
  }
});
