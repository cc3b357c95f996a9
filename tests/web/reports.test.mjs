// Report runs and exports through the pages: an officer opens a six-monthly report for UBND asking Sở Công Thương for
// its figures; the unit enters them through its own page (the secret link); the officer writes and saves the
// narrative and submits it; the leader approves; the Word report is downloaded. An export button of the inbox
// downloads an Excel file. axe checks on each page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { baseUrl, launch, checkAccessibility, screenshot, signInAsAdmin } from './support.mjs';

const isoIn = (days) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10); // a day in Đà Nẵng

async function downloaded(page, button, extension) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.ok(file.suggestedFilename().endsWith(extension), file.suggestedFilename());
  const bytes = await readFile(await file.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${file.suggestedFilename()} is an Office (zip) file`);
}

test('a report run from opening to the Word report, the lead unit through its page; an export downloads', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await signInAsAdmin(page);
    await page.goto(`${baseUrl}/can-bo/bao-cao.html`);
    const open = page.locator('#open-run');
    await open.waitFor();
    await checkAccessibility(page, 'the report runs');
    await open.getByLabel('Loại báo cáo').selectOption('sixMonthly');
    await open.getByLabel('Kỳ báo cáo từ ngày').fill('2026-01-01');
    await open.getByLabel('Kỳ báo cáo đến ngày').fill('2026-06-30');
    await open.getByLabel('Hạn gửi báo cáo').fill(isoIn(30));
    await open.getByLabel('Số, ký hiệu văn bản yêu cầu báo cáo').fill('88/UBND-KGVX');
    await open.getByLabel('Ngày văn bản yêu cầu').fill('2026-06-20');
    await open.getByLabel('Sở Công Thương').check();
    await open.getByRole('button', { name: 'Mở báo cáo' }).click();
    const link = page.locator('#unit-links li[data-unit-id="sct"] a');
    await link.waitFor();
    const unitPage = await link.getAttribute('href');
    assert.match(unitPage, /\/don-vi\/bao-cao\.html#run=rr-[0-9a-z-]+&unit=sct&access=/);

    // The lead unit, through its link: its figures and assessment.
    const unit = await browser.context.newPage();
    await unit.goto(unitPage);
    const input = unit.locator('#unit-input');
    await input.waitFor();
    await checkAccessibility(unit, "the lead unit's input page");
    await input.getByLabel('Họ tên người gửi').fill('Trần Thị Bình');
    await input.getByLabel('Tên chỉ tiêu').fill('Doanh nghiệp tham gia sàn thương mại điện tử');
    await input.getByLabel('Số liệu', { exact: true }).fill('12');
    await input.getByLabel('Đơn vị tính').fill('doanh nghiệp');
    await input.getByLabel('Đánh giá kết quả thực hiện, khó khăn, kiến nghị của đơn vị').fill('Sở Công Thương đã hỗ trợ 12 doanh nghiệp.');
    await input.getByRole('button', { name: 'Gửi số liệu' }).click();
    await unit.locator('#unit-sent', { hasText: 'Doanh nghiệp tham gia sàn thương mại điện tử: 12 doanh nghiệp' }).waitFor();
    await screenshot(unit, 'report-unit-input');

    // The unit answered, so the run is at the narrative: saved as a draft, submitted, approved, downloaded.
    await page.locator('#open-run-page').click();
    const narrative = page.locator('#narrative');
    await narrative.waitFor();
    assert.match(await page.locator('#run-units').textContent(), /Đã gửi số liệu/);
    await checkAccessibility(page, 'a report run at the narrative');
    await narrative.getByLabel('I. Đánh giá chung').fill('Sáu tháng đầu năm 2026, Kế hoạch được triển khai đúng tiến độ.');
    await narrative.getByLabel('III. Khó khăn, vướng mắc').fill('Dự toán năm 2026 chưa giao đủ.');
    await narrative.getByLabel('IV. Kiến nghị, đề xuất').fill('Đề nghị UBND thành phố bổ sung dự toán.');
    await narrative.getByLabel('V. Phương hướng, nhiệm vụ thời gian tới').fill('Hỗ trợ 05 doanh nghiệp xây dựng mô hình điểm.');
    await narrative.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.locator('#narrative-revision', { hasText: 'bản lưu thứ 1' }).waitFor();
    await page.locator('#submit-run').click();
    await page.locator('#approve-run').getByRole('button', { name: 'Duyệt và lập văn bản' }).click();
    await page.locator('#run-state', { hasText: 'Đã hoàn thành' }).waitFor();
    await checkAccessibility(page, 'a completed report run');
    await screenshot(page, 'report-run-completed');
    await downloaded(page, page.locator('#download-report'), '.docx');

    // An export of the inbox.
    await page.goto(`${baseUrl}/can-bo/hop-thu.html`);
    await downloaded(page, page.locator('#export-applications-xlsx'), '.xlsx');
  } finally {
    await browser.close();
  }
});
