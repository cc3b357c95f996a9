// Shared by the browser tests: Debian's Chromium through playwright-core, axe-core checks, screenshots.
import { chromium } from 'playwright-core';
import AxeBuilderModule from '@axe-core/playwright';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const AxeBuilder = AxeBuilderModule.default ?? AxeBuilderModule;

export const baseUrl = process.env.NSCL_BASE_URL ?? 'http://127.0.0.1:7071';
const screenshots = process.env.NSCL_SCREENSHOTS ?? join(tmpdir(), 'nscl-screenshots');
mkdirSync(screenshots, { recursive: true });

export async function launch() {
  const userData = mkdtempSync(join(tmpdir(), 'nscl-chromium-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(60_000);
  return {
    context,
    async close() { await context.close(); rmSync(userData, { recursive: true, force: true }); },
  };
}

/** A second, separate browser (its own storage): the officer is not the enterprise. */
export async function newPage(browser) { return browser.context.newPage(); }

/** axe-core on the page as it is now: fails on serious or critical findings. */
export async function checkAccessibility(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`), [], `accessibility of ${what}`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/**
 * Opens the officer inbox, which sends an officer without a session to the development sign-in, and signs in as an
 * admin (every role, every unit). onSignInPage(page) runs on the sign-in page first (checks, screenshots).
 */
export async function signInAsAdmin(page, onSignInPage = async () => {}) {
  await page.goto(`${baseUrl}/can-bo/hop-thu.html`);
  await page.waitForURL(/dang-nhap\.html/);
  await onSignInPage(page);
  await page.getByLabel('Tên đăng nhập (không dấu)').fill('nguyen.van.an');
  await page.getByLabel('Quản trị (mọi vai trò, mọi đơn vị)').check();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/hop-thu\.html/);
}

/**
 * Refreshes the officer inbox and waits until that refresh has drawn the page (#inbox is aria-busy while a request is
 * out). Clicking again before the answer would make the page drop it for the newer request: a loop of clicks on a slow
 * host then never shows an answer at all.
 */
export async function refreshInbox(page) {
  await page.getByRole('button', { name: 'Lọc / làm mới' }).click();
  await page.locator('#inbox[aria-busy="false"]').waitFor();
}

/** Repeats action() until check() holds (a real state read, e.g. the inbox after a refresh), or fails with what. */
export async function eventually(action, check, what, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await action();
    if (await check()) return;
    if (Date.now() > until) assert.fail(`not within ${timeoutMs} ms: ${what}`);
  }
}

export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Fills what the form asks since it collects the legal representative, head office, sector, size, own contribution and duration. */
export async function fillParticulars(page, { durationMonths = '12' } = {}) {
  await page.getByLabel('Người đại diện theo pháp luật').fill('Trần Văn Minh');
  await page.getByLabel('Chức vụ người đại diện').fill('Giám đốc');
  await page.getByLabel('Địa chỉ trụ sở chính').fill('Lô 12, đường số 3, phường Hòa Khánh');
  await page.getByLabel('Địa bàn (quận, huyện)').selectOption('lien-chieu');
  await page.getByLabel('Ngành kinh tế chính (VSIC cấp 2)').selectOption('25');
  await page.getByLabel('Số lao động').fill('45');
  await page.getByLabel('Doanh thu năm trước').selectOption('tren-10-den-50-ty');
  await page.getByLabel('Kinh phí đối ứng của doanh nghiệp (đồng)').fill('50000000');
  await page.getByLabel('Thời gian thực hiện (tháng)').fill(durationMonths);
}

/** A small PDF (recognised by its content) for each document the chosen kind requires. */
export async function attachRequiredDocuments(page) {
  const inputs = page.locator('#required-documents input[type=file]');
  for (let i = 0; i < await inputs.count(); i++) {
    const input = inputs.nth(i);
    const name = (await input.getAttribute('name')).replace('document-', '');
    await input.setInputFiles({ name: `${name}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  }
  return inputs.count();
}
