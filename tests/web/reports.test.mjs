// Report runs and exports through the pages: an officer opens a six-monthly report for UBND asking Sở Công Thương for
// its figures; the unit enters them through its own page (the secret link); the officer writes and saves the
// narrative and submits it; the leader approves; the Word report is downloaded. An export button of the inbox
// downloads an Excel file. axe checks on each page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { baseUrl, launch, checkAccessibility, screenshot, signInAsAdmin, PDF } from './support.mjs';

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

// A council (issue 14): a leader founds a council of five for a file awaiting appraisal; each member opens their own
// link on a 390 px phone, declares (one recuses), scores against the rubric; the secretary closes the session and the
// file moves to approval with the council's result.
const officerJson = (body, officer) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(officer ? { 'X-Nscl-Dev-Officer': officer, 'X-Requested-With': 'nscl' } : {}) },
  body: JSON.stringify(body),
});
const admin = 'quan.tri; Admin; skhcn';
const viewOf = async (id) => (await fetch(`${baseUrl}/api/applications/${id}`, { headers: { 'X-Nscl-Dev-Officer': admin } })).json();
const waitFor = async (check, what) => {
  const until = Date.now() + 90_000;
  while (!(await check())) {
    if (Date.now() > until) assert.fail(`not within 90 s: ${what}`);
    await new Promise((resolve) => { setTimeout(resolve, 300); });
  }
};

async function underAppraisal() {
  const submitted = await fetch(`${baseUrl}/api/applications`, officerJson({
    enterpriseCode: '0401234999', enterpriseName: 'Công ty TNHH Hội Đồng <Năm>', contactName: 'Phan Văn Thư',
    contactEmail: `hoi.dong.${Date.now()}@example.com`, phone: '0236 3822 000', supportKindId: 'productivity-tools',
    title: 'Áp dụng Lean tại xưởng', summary: 'Triển khai Lean tại xưởng lắp ráp.', requestedAmountVnd: 150000000,
    legalRepresentativeName: 'Trần Văn Minh', legalRepresentativePosition: 'Giám đốc', address: '15 Bạch Đằng, phường Hải Châu', districtId: 'hai-chau',
    sectorCode: '46', employees: 20, revenueBandId: 'tren-3-den-10-ty', ownContributionVnd: 50000000, durationMonths: 12,
  }));
  assert.equal(submitted.status, 201);
  const { applicationId: id, accessToken } = await submitted.json();
  // The enterprise's plan, which the council's members read before they score.
  const attached = await fetch(`${baseUrl}/api/applications/${id}/attachments`, {
    method: 'POST', body: PDF,
    headers: { 'X-Access-Token': accessToken, 'Content-Type': 'application/octet-stream', 'X-File-Name': 'ke-hoach-lean.pdf' },
  });
  assert.equal(attached.status, 201);
  await waitFor(async () => (await viewOf(id)).status === 'AwaitingCompletenessReview', 'received');
  const accepted = await fetch(`${baseUrl}/api/applications/${id}/actions/accept-completeness`, officerJson({}, admin));
  assert.equal(accepted.status, 202);
  await waitFor(async () => (await viewOf(id)).status === 'UnderAppraisal', 'under appraisal');
  const { trackingCode } = await viewOf(id);
  await waitFor(async () => (await (await fetch(`${baseUrl}/api/inbox?q=${trackingCode}`, { headers: { 'X-Nscl-Dev-Officer': 'tham.dinh; Appraiser; skhcn' } })).json())
    .items.some((i) => i.trackingCode === trackingCode), 'in the appraisers\' inbox');
  return { id, trackingCode };
}

test('a council of five appraises a file on phones: a link re-issued, one recuses, the secretary closes, the file awaits approval', async () => {
  const { id, trackingCode } = await underAppraisal();
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await signInAsAdmin(page);
    await page.goto(`${baseUrl}/can-bo/hoi-dong.html`);
    await page.locator('#found summary').click();
    const form = page.locator('#found-council');
    await form.getByLabel('Mã các hồ sơ hội đồng thẩm định').fill(trackingCode);
    await form.getByLabel('Số, ký hiệu quyết định thành lập').fill('21/QĐ-SKHCN');
    await form.getByLabel('Người ký quyết định').fill('Nguyễn Văn Ký');
    await form.getByLabel('Hạn họp hội đồng').fill(isoIn(10));
    const people = [['Lê Văn Chủ', 'PGS.TS.'], ['Trần Thị Phó', 'TS.'], ['Ngô Thư Ký', 'ThS.'], ['Phạm Phản Biện', 'TS.'], ['Võ <b>Ủy</b> Viên', 'KS.']];
    for (const [i, [name, title]] of people.entries()) {
      const row = form.locator(`[data-member="${i}"]`);
      await row.getByLabel('Họ và tên').fill(name);
      await row.getByLabel('Học hàm, học vị, chức vụ').fill(title);
      await row.getByLabel('E-mail (nhận đường dẫn chấm phiếu)').fill(`tv${i + 1}.${Date.now()}@example.vn`);
    }
    await checkAccessibility(page, 'founding a council');
    await form.getByRole('button', { name: 'Thành lập hội đồng' }).click();
    await page.locator('#member-links').waitFor();
    const links = {};
    for (const role of ['chair', 'vice-chair', 'secretary', 'reviewer', 'member']) {
      links[role] = new URL(await page.locator(`#member-links li[data-role="${role}"] a`).getAttribute('href'), page.url()).href;
      assert.match(links[role], /\/hoi-dong\/phieu\.html#council=hd-[0-9a-f-]+&member=m\d&access=/);
    }
    // The list is drawn again after the founding's answer: wait for it; the hostile name is shown as text.
    await page.locator('#councils', { hasText: 'Võ <b>Ủy</b> Viên' }).waitFor();

    // The leader revokes the fifth member's link and issues a new one (e-mailed; shown once here): the old one opens nothing.
    page.once('dialog', (dialog) => dialog.accept());
    await page.locator('tr[data-member="m5"] button.relink').first().click();
    await page.locator('#page-status', { hasText: 'Đã thu hồi đường dẫn cũ' }).waitFor();
    const revoked = links.member;
    links.member = new URL(await page.locator('#member-links li[data-role="member"] a').getAttribute('href'), page.url()).href;
    assert.notEqual(links.member, revoked);

    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(revoked);
    await phone.locator('#page-status', { hasText: 'Không tìm thấy phiếu của thành viên với đường dẫn này' }).waitFor();
    for (const role of ['chair', 'vice-chair', 'secretary', 'reviewer', 'member']) {
      await phone.goto('about:blank');
      await phone.goto(links[role]);
      const declaration = phone.locator('#declaration');
      await declaration.waitFor();
      if (role === 'member') {
        await declaration.getByLabel('Tôi có xung đột lợi ích và không tham gia đánh giá').check();
        await declaration.getByLabel('Lý do (khi có xung đột lợi ích)').fill('Là cổ đông của doanh nghiệp');
        await declaration.getByRole('button', { name: 'Gửi bản kê khai' }).click();
        await phone.locator('#declared', { hasText: 'có xung đột lợi ích' }).waitFor();
        continue;
      }
      await declaration.getByRole('button', { name: 'Gửi bản kê khai' }).click();
      const sheet = phone.locator(`form.sheet[data-application="${id}"]`);
      await sheet.waitFor();
      if (role === 'chair') {
        await checkAccessibility(phone, "a council member's score sheet");
        // The file to score, with the enterprise's document: downloaded with the member's link.
        const dossier = phone.locator(`details[data-dossier="${trackingCode}"]`);
        await dossier.locator('summary').click();
        assert.match(await dossier.textContent(), /Triển khai Lean tại xưởng lắp ráp\./);
        const [file] = await Promise.all([phone.waitForEvent('download'), dossier.getByRole('button', { name: 'Tải về ke-hoach-lean.pdf' }).click()]);
        assert.equal(file.suggestedFilename(), 'ke-hoach-lean.pdf');
      }
      await sheet.locator('[name="amountVnd"]').fill(role === 'reviewer' ? '120000000' : '150000000');
      for (const input of await sheet.locator('input[name^="score:"]').all()) await input.fill(String(Math.floor(Number(await input.getAttribute('max')) * 0.8)));
      for (const comment of await sheet.locator('textarea[name^="comment:"]').all()) await comment.fill('Đạt yêu cầu, khả thi.');
      const wide = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(wide <= 0, `the sheet scrolls sideways by ${wide} px on a 390 px screen`);
      await sheet.getByRole('button', { name: 'Gửi phiếu đánh giá' }).click();
      await phone.locator(`[data-sent="${trackingCode}"]`).waitFor();
    }

    // The secretary closes the session with the meeting's times.
    await phone.goto('about:blank');
    await phone.goto(links.secretary);
    const close = phone.locator('#close-session');
    await close.waitFor();
    assert.match(await phone.locator('#progress').textContent(), /4 phiếu được tính – đủ điều kiện kết luận/);
    const local = (minutesAgo) => new Date(Date.now() + 7 * 3_600_000 - minutesAgo * 60_000).toISOString().slice(0, 16);
    await close.getByLabel('Phiên họp bắt đầu lúc').fill(local(120));
    await close.getByLabel('Phiên họp kết thúc lúc').fill(local(10));
    await close.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
    await phone.locator('#council-closed').waitFor();
    await screenshot(phone, 'council-secretary-closed');

    await waitFor(async () => (await viewOf(id)).status === 'AwaitingApproval', 'the file awaits approval');
    const view = await viewOf(id);
    assert.equal(view.lifecycle.recommendedAmountVnd, 120000000);
    assert.equal(view.lifecycle.council.decisionNumber, '21/QĐ-SKHCN');
    assert.equal(view.lifecycle.appraisals.length, 4);
    await page.goto(`${baseUrl}/can-bo/ho-so.html?id=${id}`);
    await page.locator('main', { hasText: 'Quyết định số 21/QĐ-SKHCN' }).waitFor();
    assert.match(await page.locator('main').textContent(), /4\/5 phiếu được tính; có thành viên không tham gia do xung đột lợi ích/);
  } finally {
    await browser.close();
  }
});
