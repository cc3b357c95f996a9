// Acceptance (b): errors only the server finds (phone format, summary length) come back as problem+json and are
// shown in Vietnamese next to the fields they name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, checkAccessibility, screenshot } from './support.mjs';

test('the form shows the server\'s validation errors next to the right fields', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/dang-ky.html`);
    await page.getByLabel('Nội dung hỗ trợ').selectOption('productivity-tools');
    await page.getByLabel('Mã số doanh nghiệp').fill('0401234567');
    await page.getByLabel('Tên doanh nghiệp').fill('Công ty Cổ phần Dệt may Hòa Thọ');
    await page.getByLabel('Người liên hệ').fill('Trần Văn Bình');
    await page.getByLabel('Email liên hệ').fill('binh@hoatho.vn');
    await page.getByLabel('Số điện thoại').fill('12ab');            // the page accepts any text; the server does not
    await page.getByLabel('Tên nhiệm vụ').fill('Áp dụng Lean');
    await page.getByLabel('Tóm tắt nội dung').fill('Quá ngắn.');     // the server wants at least 20 characters
    await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('100000000');

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/applications') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    assert.equal((await answer).status(), 422);

    const phoneError = page.locator('[data-field="phone"] .field-error');
    await phoneError.waitFor();
    assert.match(await phoneError.textContent(), /Số điện thoại không hợp lệ/);
    assert.match(await page.locator('[data-field="summary"] .field-error').textContent(), /Tóm tắt nội dung phải có ít nhất 20 ký tự/);
    assert.equal(await page.locator('[data-field="enterpriseCode"] .field-error').isHidden(), true, 'a valid field shows no error');
    assert.equal(await page.getByLabel('Số điện thoại').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('.error-summary').textContent(), /Máy chủ chưa nhận hồ sơ/);
    assert.match(page.url(), /dang-ky\.html/, 'nothing was submitted');
    await checkAccessibility(page, 'form with server errors');
    await screenshot(page, '09-dang-ky-loi-may-chu');

    // The page's own checks stop an amount over the kind's maximum before anything is sent.
    await page.getByLabel('Nội dung hỗ trợ').selectOption('expert-training');
    await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('25000000');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('[data-field="requestedAmountVnd"] .field-error', { hasText: 'vượt mức tối đa 20.000.000' }).waitFor();
    assert.match(await page.locator('[data-field="nominees"] .field-error').textContent(), /Vui lòng nhập danh sách người được đề cử/);

    // The cap is per person: two nominees allow 40.000.000 đồng; a public body needs no enterprise code.
    await page.getByLabel('Đơn vị đề cử là').selectOption('public-body');
    await page.getByLabel('Mã số doanh nghiệp').fill('');
    await page.getByLabel('Danh sách người được đề cử').fill('Nguyễn Văn An; Chuyên viên; Sở Xây dựng\nPhan Thị Dung; Phó Trưởng phòng; Sở Xây dựng');
    await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('40000001');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('[data-field="requestedAmountVnd"] .field-error', { hasText: 'vượt mức tối đa 40.000.000' }).waitFor();
    assert.equal(await page.locator('[data-field="enterpriseCode"] .field-error').isHidden(), true, 'no enterprise code asked of a public body');
    await checkAccessibility(page, 'form with nominees');
  } finally {
    await browser.close();
  }
});
