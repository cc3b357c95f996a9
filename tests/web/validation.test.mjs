// Acceptance (b): errors only the server finds (phone format, summary length) come back as problem+json and are
// shown in Vietnamese next to the fields they name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, checkAccessibility, screenshot, signInAsAdmin, fillParticulars, attachRequiredDocuments } from './support.mjs';

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
    await fillParticulars(page);
    await attachRequiredDocuments(page);

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

// The legal representative, head office, district, sector, size, own contribution, duration and required documents: on a
// 390 px phone the page offers the API's closed lists, checks what the API checks before sending, and fits the screen.
test('the form asks for the legal representative, district, sector, size and required documents and fits a phone', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/dang-ky.html`);
    await page.getByLabel('Nội dung hỗ trợ').selectOption('pilot-model');
    const catalogue = await (await fetch(`${baseUrl}/api/catalogue`)).json();
    const offered = async (label) => (await page.getByLabel(label).locator('option').evaluateAll((os) => os.map((o) => o.value))).filter(Boolean);
    assert.deepEqual(await offered('Địa bàn (quận, huyện)'), catalogue.applicationForm.districts.map((d) => d.id));
    assert.deepEqual(await offered('Ngành kinh tế chính (VSIC cấp 2)'), catalogue.applicationForm.sectors.map((s) => s.code));
    assert.deepEqual(await offered('Doanh thu năm trước'), catalogue.applicationForm.revenueBands.map((b) => b.id));
    const pilot = catalogue.supportKinds.find((k) => k.id === 'pilot-model');
    const required = await page.locator('#required-documents input[type=file]').evaluateAll((inputs) => inputs.map((i) => i.name));
    assert.deepEqual(required, pilot.requiredDocuments.map((d) => `document-${d.id}`));

    let posted = 0;
    page.on('request', (r) => { if (r.url().endsWith('/api/applications') && r.method() === 'POST') posted += 1; });
    await page.getByLabel('Thời gian thực hiện (tháng)').fill(String(pilot.durationMonths.min - 1));
    await page.getByLabel('Kinh phí đối ứng của doanh nghiệp (đồng)').fill('-1');
    // Co-funding from other programmes: the catalogue's list (ending with "Khác", which needs the source's name).
    await page.getByRole('button', { name: 'Thêm nguồn kinh phí' }).click();
    assert.deepEqual(await offered('Nguồn kinh phí lồng ghép'), catalogue.applicationForm.coFundingSources.map((s) => s.id));
    await page.getByLabel('Nguồn kinh phí lồng ghép').selectOption('khac');
    await page.getByLabel('Số tiền (đồng)').fill('30000000');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const error = (name) => page.locator(`[data-field="${name}"] .field-error`);
    await error('legalRepresentativeName').waitFor();
    assert.match(await error('legalRepresentativeName').textContent(), /Vui lòng nhập người đại diện theo pháp luật/);
    assert.match(await error('districtId').textContent(), /Vui lòng chọn địa bàn/);
    assert.match(await error('sectorCode').textContent(), /Vui lòng chọn ngành kinh tế chính/);
    assert.match(await error('durationMonths').textContent(), new RegExp(`từ ${pilot.durationMonths.min} đến ${pilot.durationMonths.max} tháng`));
    assert.match(await error('ownContributionVnd').textContent(), /không được âm/);
    assert.match(await error('document-phuong-an-mo-hinh').textContent(), /Vui lòng chọn tệp/);
    assert.match(await error('coFunding').textContent(), /Vui lòng ghi rõ tên nguồn kinh phí khác/);
    await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('100000000');
    await page.getByLabel('Kinh phí đối ứng của doanh nghiệp (đồng)').fill('20000000');
    await page.locator('#total-cost', { hasText: '150.000.000' }).waitFor(); // support + own contribution + co-funding
    assert.equal(posted, 0, 'the page stops what the API would refuse');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the form fits a 390 px screen (scroll width ${width})`);
    await checkAccessibility(page, 'form with the new fields on a phone');
    await screenshot(page, '09b-dang-ky-dien-thoai');
  } finally {
    await browser.close();
  }
});

// Indicator values: a leader (here an admin) enters the TFP share with its source on the dashboard; a hostile source is
// refused next to its field; the value, its source and date replace "Chưa có số liệu"; the history lists it.
test('the dashboard enters the TFP share with its source and shows it', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await signInAsAdmin(page);
    await page.goto(`${baseUrl}/can-bo/tong-quan.html?year=2025`);
    const tfp = page.locator('li[data-target="tfp-contribution-2025"]');
    await tfp.waitFor();
    assert.match(await tfp.locator('[data-field="achieved"]').innerText(), /Chưa có số liệu/);

    await tfp.getByText('Nhập số liệu kèm nguồn').click();
    const form = tfp.locator('form.value-form');
    await form.getByLabel('Giá trị (%)').fill('46,2');
    await form.getByLabel('Năm của số liệu').fill('2025');
    await form.getByLabel('Nguồn số liệu').fill('Báo cáo số 12\u202E/BC-CTK');
    await form.getByRole('button', { name: 'Ghi số liệu' }).click();
    const sourceError = form.locator('[data-field="source"] .field-error');
    await sourceError.waitFor({ state: 'visible' });
    assert.match(await sourceError.innerText(), /Nguồn số liệu chứa ký tự điều khiển hướng chữ/);
    await checkAccessibility(page, 'dashboard with the indicator form and its errors');

    const source = 'Cục Thống kê TP Đà Nẵng, Báo cáo số 12/BC-CTK ngày 15/01/2026';
    await form.getByLabel('Nguồn số liệu').fill(source);
    await form.getByRole('button', { name: 'Ghi số liệu' }).click();
    const entered = page.locator('li[data-target="tfp-contribution-2025"] > p[data-field="entered"]');
    await entered.waitFor();
    assert.equal(await entered.getAttribute('data-value'), '46.2');
    assert.match(await entered.innerText(), /46,2% \(năm 2025\)/);
    assert.equal(await entered.locator('[data-field="source"]').innerText(), `Nguồn: ${source}`);
    assert.match(await entered.locator('[data-field="recorded"]').innerText(), /^Nhập ngày \d{2}\/\d{2}\/\d{4} \(nguyen\.van\.an\)$/);
    assert.match(await page.locator('li[data-target="tfp-contribution-2025"] > p[data-field="achieved"]').innerText(), /Đã đạt/);

    const history = page.locator('li[data-target="tfp-contribution-2025"] details.target-history');
    await history.getByText('Lịch sử số liệu đã nhập').click();
    await history.locator('li[data-entry]').first().waitFor();
    assert.equal(await history.locator('li[data-entry]').count(), 1);
    await checkAccessibility(page, 'dashboard with an entered indicator value and its history');
    await screenshot(page, '12-tong-quan-chi-tieu-tfp');
  } finally {
    await browser.close();
  }
});
