// A document that cannot be built (the host runs with Nscl:Faults:DocumentKinds=appraisal-record, Development only)
// is visible to officers — flagged in the inbox, and on the application's page with the reason and in its timeline —
// while the application has moved on to approval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, checkAccessibility, screenshot, eventually, refreshInbox, signInAsAdmin } from './support.mjs';

const json = (body, officer) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(officer ? { 'X-Nscl-Dev-Officer': officer, 'X-Requested-With': 'nscl' } : {}) },
  body: JSON.stringify(body),
});
const admin = 'quan.tri; Admin; sct';

async function viewOf(id) {
  return (await fetch(`${baseUrl}/api/applications/${id}`, { headers: { 'X-Nscl-Dev-Officer': admin } })).json();
}

test('a document that cannot be built shows in the inbox and on the application page', async () => {
  const submitted = await fetch(`${baseUrl}/api/applications`, json({
    enterpriseCode: '0401234567', enterpriseName: 'Công ty TNHH Văn Bản Lỗi', contactName: 'Phan Văn Thư',
    contactEmail: `van.ban.${Date.now()}@example.com`, phone: '0236 3822 000', supportKindId: 'productivity-tools',
    title: 'Áp dụng 5S tại kho', summary: 'Triển khai 5S tại kho thành phẩm.', requestedAmountVnd: 120000000,
    legalRepresentativeName: 'Trần Văn Minh', legalRepresentativePosition: 'Giám đốc', address: '15 Bạch Đằng, phường Hải Châu', districtId: 'hai-chau',
    sectorCode: '46', employees: 20, revenueBandId: 'tren-3-den-10-ty', ownContributionVnd: 50000000, durationMonths: 12,
  }));
  assert.equal(submitted.status, 201);
  const { applicationId: id } = await submitted.json();
  const act = async (action, body) => {
    const response = await fetch(`${baseUrl}/api/applications/${id}/actions/${action}`, json(body, admin));
    assert.equal(response.status, 202, `${action}: ${await response.text()}`);
  };
  await eventually(async () => {}, async () => (await viewOf(id)).status === 'AwaitingCompletenessReview', 'received');
  await act('accept-completeness', {});
  await eventually(async () => {}, async () => (await viewOf(id)).status === 'UnderAppraisal', 'under appraisal');
  await act('submit-appraisal', { recommendSupport: true, amountVnd: 100000000, scores: ['can-thiet', 'noi-dung', 'nang-luc', 'hieu-qua', 'kinh-phi'].map((criterion) => ({ criterion, score: 12 })) });
  await eventually(async () => {}, async () => ((await viewOf(id)).lifecycle?.documentFailures ?? []).length === 1, 'the failed document is recorded');

  const browser = await launch();
  try {
    const officer = await browser.context.newPage();
    await signInAsAdmin(officer);
    const row = officer.locator(`#inbox-table tr[data-application-id="${id}"]`);
    const flagged = row.locator('[data-document-failures]');
    await eventually(() => refreshInbox(officer),
      async () => (await flagged.count()) === 1, 'the inbox flags the failed document');
    assert.match(await flagged.textContent(), /1 văn bản lỗi/);

    await row.getByRole('link').click();
    await officer.locator('[data-problem]', { hasText: 'Chưa lập được Biên bản thẩm định' }).waitFor();
    await officer.locator('.timeline li[data-kind="DocumentFailed"]', { hasText: 'Không lập được biên bản thẩm định' }).waitFor();
    await checkAccessibility(officer, 'application with a failed document');
    await screenshot(officer, '13-ho-so-van-ban-loi');
  } finally {
    await browser.close();
  }
});
