// Programme activities through the pages: an officer plans an I.3 activity (the estimated cost reserved), records its
// result (2 classes, 85 participants) and its spending, and closes it; the list of the item and year shows it closed.
// Calls (đợt tuyển chọn): a leader opens a call for the call-only kind (its envelope held), and the enterprise's form
// offers that kind only through the call, named with its title and close date, asking for the call's documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, checkAccessibility, screenshot, signInAsAdmin, eventually } from './support.mjs';

test('an officer plans, records and closes an activity through the pages', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await signInAsAdmin(page);
    await page.goto(`${baseUrl}/can-bo/hoat-dong.html?year=2025&line=I.3`);
    await page.locator('#plan-activity').waitFor();
    await checkAccessibility(page, 'the activities of an item and year');
    await screenshot(page, 'activities-list');

    const plan = page.locator('#plan-activity');
    await plan.getByLabel('Tên hoạt động').fill('Lớp tập huấn Lean cho doanh nghiệp quận Liên Chiểu');
    await plan.getByLabel('Mục chi').selectOption('I.3');
    await plan.getByLabel('Năm ngân sách').fill('2025');
    await plan.getByLabel('Kinh phí dự kiến (đồng)').fill('20000000');
    await plan.getByLabel('Ngày bắt đầu dự kiến').fill('2025-04-10');
    await plan.getByLabel('Ngày kết thúc dự kiến').fill('2025-04-12');
    await plan.getByRole('button').click();
    await page.waitForURL(/hoat-dong\.html\?id=hd-/);
    await page.locator('#record-output').waitFor();
    assert.match(await page.locator('#activity-money').textContent(), /^20\.000\.000 đồng/);
    await checkAccessibility(page, "an activity's page");

    for (const [kind, quantity] of [['classesHeld', '2'], ['participants', '85']]) {
      const form = page.locator('#record-output');
      await form.getByLabel('Loại kết quả').selectOption(kind);
      await form.getByLabel('Số lượng').fill(quantity);
      await form.getByRole('button').click();
      await page.locator('#activity-outputs li').nth(kind === 'classesHeld' ? 0 : 1).waitFor();
    }

    const spending = page.locator('#record-spending');
    await spending.getByLabel('Số tiền cam kết chi (đồng)').fill('18500000');
    await spending.getByLabel('Số tiền giải ngân (đồng)').fill('18500000');
    await spending.getByLabel('Số chứng từ, hợp đồng').fill('UNC 15/2025');
    await spending.getByRole('button').click();
    await page.locator('#activity-spending li').waitFor();

    // A hostile character in a text field: the API's field error is shown next to the field.
    await spending.getByLabel('Số tiền cam kết chi (đồng)').fill('1000');
    await spending.getByLabel('Số chứng từ, hợp đồng').fill('UNC\u202E 16');
    await spending.getByRole('button').click();
    await page.locator('#record-spending [data-field="documentReference"] .field-error:not([hidden])').waitFor();

    await page.locator('#close-activity').getByRole('button').click();
    await page.locator('#activity-state', { hasText: 'Đã kết thúc' }).waitFor();
    assert.match(await page.locator('#activity-money').textContent(), /0 đồng \/ 0 đồng \/ 18\.500\.000 đồng \/ 1\.500\.000 đồng/);
    await screenshot(page, 'activity-closed');

    await page.goto(`${baseUrl}/can-bo/hoat-dong.html?year=2025&line=I.3`);
    const row = page.locator('#activities-table tbody tr').first();
    await row.waitFor();
    assert.match(await row.textContent(), /Đã kết thúc/);
    assert.match(await page.locator('#output-totals').textContent(), /Lượt người tham dự: 85/);

    // A call: opened from today; the close date is the first working day at least four weeks on (a day off is refused).
    await page.goto(`${baseUrl}/can-bo/dot-tuyen-chon.html`);
    const open = page.locator('#open-call');
    await open.waitFor();
    await checkAccessibility(page, 'the calls');
    const title = 'Đợt tuyển chọn <b>thử</b> & nhiệm vụ KH&CN 2025';
    await open.getByLabel('Tên đợt tuyển chọn').fill(title);
    await open.locator('input[name=supportKindIds][value="science-technology-task"]').check();
    await open.getByLabel('Năm ngân sách').fill('2025');
    await open.getByLabel('Tổng kinh phí của đợt (đồng)').fill('100000000');
    let closes = new Date(Date.now() + 28 * 86_400_000);
    for (let attempt = 0; attempt < 10 && !/dot-tuyen-chon\.html\?id=/.test(page.url()); attempt++, closes = new Date(closes.getTime() + 86_400_000)) {
      if (closes.getUTCDay() === 0 || closes.getUTCDay() === 6) continue;
      await open.getByLabel('Ngày hết hạn nhận hồ sơ').fill(closes.toISOString().slice(0, 10));
      await open.getByRole('button').click();
      await Promise.race([page.waitForURL(/dot-tuyen-chon\.html\?id=dot-/, { timeout: 10_000 }).catch(() => {}),
        open.locator('[data-field="closesOn"] .field-error:not([hidden])').waitFor({ timeout: 10_000 }).catch(() => {})]);
    }
    await page.waitForURL(/dot-tuyen-chon\.html\?id=dot-/);
    await page.locator('#call-facts').waitFor();
    assert.equal(await page.locator('#page-title').textContent(), title);
    assert.match(await page.locator('#call-state').textContent(), /Đang nhận hồ sơ/);
    assert.match(await page.locator('#call-money').textContent(), /^100\.000\.000 đồng \/ 100\.000\.000 đồng \/ 0 đồng \/ 0 đồng/);
    await page.locator('#ranking-pending').waitFor();
    await checkAccessibility(page, "a call's page");
    await screenshot(page, 'call-open');

    const form = await browser.context.newPage();
    await form.goto(`${baseUrl}/dang-ky.html`);
    const kind = form.getByLabel('Nội dung hỗ trợ');
    await kind.waitFor();
    const options = await kind.locator('option').evaluateAll((list) => list.map((o) => ({ value: o.value, text: o.textContent })));
    assert.ok(!options.some((o) => o.value === 'science-technology-task'), 'a call-only kind is not offered without its call');
    const offered = options.find((o) => o.value.startsWith('science-technology-task@dot-') && o.text.includes(title));
    assert.ok(offered, `the call's kind is offered with its title: ${JSON.stringify(options.filter((o) => o.value.includes('@')))}`);
    assert.match(offered.text, /nhận hồ sơ đến hết ngày \d{2}\/\d{2}\/\d{4}/);
    await kind.selectOption(offered.value);
    assert.match(await form.locator('#kind-info').textContent(), /Đợt tuyển chọn: Đợt tuyển chọn <b>thử<\/b> & nhiệm vụ KH&CN 2025/);
    assert.equal(await form.locator('#required-documents input[type=file]').count(), 4);
    await checkAccessibility(form, 'the form with a call');

    // An order: an officer creates the task for a named enterprise, which is e-mailed its link to confirm.
    await page.goto(`${baseUrl}/can-bo/dot-tuyen-chon.html`);
    const order = page.locator('#create-assignment');
    await order.waitFor();
    await order.getByLabel('Nội dung hỗ trợ').selectOption('pilot-model');
    for (const [label, value] of [['Mã số doanh nghiệp', '0401234567'], ['Tên doanh nghiệp', 'Công ty <i>Được</i> Đặt Hàng'], ['Người liên hệ', 'Nguyễn Thị Hạnh'],
      ['Email liên hệ', 'hanh@example.vn'], ['Số điện thoại', '0236 3822 000'], ['Người đại diện theo pháp luật', 'Trần Văn Minh'],
      ['Chức vụ người đại diện', 'Giám đốc'], ['Địa chỉ trụ sở chính', '15 Bạch Đằng, phường Hải Châu'], ['Số lao động', '45'], ['Tên nhiệm vụ', 'Mô hình điểm NSCL'],
      ['Tóm tắt nội dung', 'Xây dựng mô hình điểm áp dụng Lean, 5S và KPI tại nhà máy.'], ['Kinh phí dự kiến hỗ trợ (đồng)', '300000000'],
      ['Kinh phí đối ứng của doanh nghiệp (đồng)', '100000000'], ['Thời gian thực hiện (tháng)', '12']]) {
      await order.getByLabel(label).fill(value);
    }
    for (const label of ['Địa bàn (quận, huyện)', 'Ngành kinh tế chính (VSIC cấp 2)', 'Doanh thu năm trước']) {
      await order.getByLabel(label).selectOption({ index: 1 });
    }
    // Co-funding, as the application form asks it: a source from the catalogue's list and its amount; the total shown.
    await order.getByRole('button', { name: 'Thêm nguồn kinh phí' }).click();
    await order.getByLabel('Nguồn kinh phí lồng ghép').selectOption({ index: 1 });
    const source = (await order.getByLabel('Nguồn kinh phí lồng ghép').locator('option:checked').textContent()).trim();
    await order.getByLabel('Số tiền (đồng)').fill('50000000');
    assert.match(await order.locator('#assign-total-cost').textContent(), /450\.000\.000 đồng/);
    await checkAccessibility(page, 'the order form with a co-funding row');
    await order.getByRole('button', { name: 'Tạo nhiệm vụ và gửi doanh nghiệp xác nhận' }).click();
    await page.waitForURL(/ho-so\.html\?id=/);
    const applicationId = new URL(page.url()).searchParams.get('id');
    let shown = '';
    await eventually(async () => { await page.reload(); await page.locator('main dl').first().waitFor(); shown = await page.locator('main').textContent(); },
      () => shown.includes('Chờ doanh nghiệp xác nhận nhận nhiệm vụ'), 'the ordered file waits for the enterprise');
    assert.match(shown, /Công ty <i>Được<\/i> Đặt Hàng/);
    assert.ok(shown.includes(`${source}: 50.000.000`), `the co-funding is on the file: ${shown}`);
    assert.match(shown, /Tổng kinh phí thực hiện nhiệm vụ\s*450\.000\.000/);
    await screenshot(page, 'assignment-awaiting-confirmation');

    // The enterprise opens the link it was e-mailed and confirms, correcting its legal representative; the file moves on.
    let offer;
    await eventually(async () => {
      const outbox = await (await fetch(`${baseUrl}/dev/outbox.json`)).json();
      offer = outbox.find((m) => m.message.personalizations?.[0]?.custom_args?.applicationId === applicationId
        && m.message.personalizations[0].custom_args.event === 'AssignmentOffered');
    }, () => Boolean(offer), 'the order is e-mailed to the enterprise');
    const link = offer.message.content.find((c) => c.type === 'text/plain').value.match(/https?:\/\/\S+\/trang-thai\.html#id=\S+&access=\S+/)?.[0];
    assert.ok(link, 'the order e-mail carries the link');
    const enterprise = await browser.context.newPage();
    await enterprise.setViewportSize({ width: 390, height: 844 });
    await enterprise.goto(baseUrl + new URL(link).pathname + new URL(link).hash);
    const confirm = enterprise.locator('form[data-action="confirm-assignment"]');
    await confirm.waitFor();
    await confirm.locator('[data-co-funding-row]').first().waitFor(); // the officer's co-funding, offered for correction
    await checkAccessibility(enterprise, 'the enterprise confirming an order');
    await confirm.getByLabel('Người đại diện theo pháp luật').fill('Phạm Văn Long');
    await confirm.getByRole('button', { name: 'Xác nhận nhận nhiệm vụ' }).click();
    await enterprise.locator('[data-fact="Trạng thái"]', { hasText: 'Đang thẩm định' }).waitFor({ timeout: 60_000 });
    await screenshot(enterprise, 'assignment-confirmed-by-the-enterprise');
    await eventually(async () => { await page.reload(); await page.locator('main dl').first().waitFor(); shown = await page.locator('main').textContent(); },
      () => shown.includes('Phạm Văn Long') && shown.includes('Đang thẩm định'), "the officer's page shows the corrected particulars");
  } finally {
    await browser.close();
  }
});
