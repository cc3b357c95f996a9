// Enterprise links in the pages: a draft link holds the form's values only, never an Idempotency-Key (a repeat of a
// submission is answered with its access link); the key is made when the enterprise presses "Nộp hồ sơ" and reused
// only to retry that one submission; the status page sends the token in a header, never in a URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, fillParticulars, attachRequiredDocuments } from './support.mjs';

async function fill(page) {
  await page.getByLabel('Nội dung hỗ trợ').selectOption('productivity-tools');
  await page.getByLabel('Mã số doanh nghiệp').fill('0401234567');
  await page.getByLabel('Tên doanh nghiệp').fill('Công ty TNHH Liên Kết');
  await page.getByLabel('Người liên hệ').fill('Lê Thị Thu');
  await page.getByLabel('Email liên hệ').fill('thu@lienket.vn');
  await page.getByLabel('Số điện thoại').fill('0236 3822 000');
  await page.getByLabel('Tên nhiệm vụ').fill('Áp dụng 5S tại xưởng');
  await page.getByLabel('Tóm tắt nội dung').fill('Triển khai 5S cho hai dây chuyền, giảm 20% thời gian chờ.');
  await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('100000000');
  await fillParticulars(page);
}

const decodeDraft = (link) => JSON.parse(Buffer.from(decodeURIComponent(new URL(link).hash.replace('#draft=', '')), 'base64').toString('utf8'));

test('a draft link holds no key; the key is made on submit and reused only to retry that submission', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/dang-ky.html`);
    await fill(page);
    await page.getByRole('button', { name: 'Sao chép liên kết bản nháp' }).click();
    const link = (await page.locator('#draft-link').textContent()).replace('Liên kết bản nháp: ', '');
    const draft = decodeDraft(link);
    assert.equal(draft.enterpriseName, 'Công ty TNHH Liên Kết');
    assert.equal('idempotencyKey' in draft, false, 'the draft link carries no Idempotency-Key');

    // A draft link of the first release held a key: opened now, the key is not used.
    const oldKey = 'first-release-draft-key-0001';
    const oldLink = `${baseUrl}/dang-ky.html#draft=${encodeURIComponent(Buffer.from(JSON.stringify({ ...draft, idempotencyKey: oldKey })).toString('base64'))}`;
    const other = await browser.context.newPage();
    await other.goto(oldLink);
    await other.getByLabel('Tên doanh nghiệp').waitFor();
    assert.equal(await other.getByLabel('Tên doanh nghiệp').inputValue(), 'Công ty TNHH Liên Kết');

    // The first try fails on the way (the network drops it); the retry carries the same key; the answer opens the page.
    const keys = [];
    let dropped = false;
    assert.equal(await other.getByLabel('Người đại diện theo pháp luật').inputValue(), 'Trần Văn Minh', 'the draft keeps the new fields');
    assert.equal(await attachRequiredDocuments(other), 4, 'files are not in a draft: chosen again');
    await other.route('**/api/applications', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (!dropped) { dropped = true; await route.abort('connectionreset'); } else { await route.continue(); }
    });
    await other.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await other.locator('#page-status', { hasText: 'Không kết nối được máy chủ' }).waitFor();
    await other.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await other.waitForURL(/da-nop\.html#/);
    assert.equal(keys.length, 2);
    assert.ok(keys[0] && keys[0] !== oldKey, 'a new key, not the draft\'s');
    assert.equal(keys[1], keys[0], 'the retry of the same submission reuses its key');
    assert.match(other.url(), /da-nop\.html#id=[^&]+&access=[^&]+&code=NSCL-/);

    // The status page reads the application with the token in the X-Access-Token header, never in a URL.
    const statusLink = await other.locator('#status-link').getAttribute('href');
    const requests = [];
    other.on('request', (r) => { if (r.url().includes('/api/')) requests.push({ url: r.url(), token: r.headers()['x-access-token'] }); });
    await other.goto(statusLink);
    await other.locator('[data-fact="Trạng thái"]').first().waitFor();
    const reads = requests.filter((r) => /\/api\/applications\/[^/?]+$/.test(r.url));
    assert.ok(reads.length > 0 && reads.every((r) => r.token), 'the view is read with the header');
    assert.ok(requests.every((r) => !/[?&]access=/i.test(r.url)), `no API URL carries the token: ${requests.map((r) => r.url).join(', ')}`);

    // A new submission after that one gets a new key (the stored one was for that submission only).
    await other.goto(`${baseUrl}/dang-ky.html`);
    await fill(other);
    await attachRequiredDocuments(other);
    await other.getByLabel('Tên nhiệm vụ').fill('Áp dụng Kaizen');
    await other.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await other.waitForURL(/da-nop\.html#/);
    assert.equal(keys.length, 3);
    assert.notEqual(keys[2], keys[0]);
  } finally {
    await browser.close();
  }
});
