// Programme activities through the pages: an officer plans an I.3 activity (the estimated cost reserved), records its
// result (2 classes, 85 participants) and its spending, and closes it; the list of the item and year shows it closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, checkAccessibility, screenshot, signInAsAdmin } from './support.mjs';

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
  } finally {
    await browser.close();
  }
});
