/**
 * SPEC §10.2 in the scheme wizard, in real Chromium against the BUILT add-on: rate fields are `%`
 * fields — labelled `%`, `10` typed there is 10 % (kept as `10%`, saved as 10 %), so the wizard can
 * never write a rate that reads two ways, and its chart shows 10 %, not 1 000 %.
 * Run `npm run build` first. Skipped locally without Chromium (test/harness/browser.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';
import { launchChromium, RUN_BROWSER_TESTS } from '../harness/browser';

describe.skipIf(!RUN_BROWSER_TESTS)('rate fields are % fields', () => {
  let server: PreviewServer;
  let browser: Browser;
  const sheet = (name: string): unknown[][] => (server.spreadsheet as any)._sheet(name)._values as unknown[][];

  beforeAll(async () => {
    server = await startPreviewServer();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await page.goto(`${server.url}?panel=schemes&lang=ru`);
    await page.waitForSelector('.scheme-item');
    return page;
  }

  it('seed 001 with its 3 % typed as 10: the chart at 150 % is 220 000 (not 15 million), and the sheet gets 10 %', async () => {
    const page = await openPage();
    await page.click('[data-template="seed001"] button');
    await page.waitForSelector('.check.good');
    const rate = page.locator('[data-rule-index="1"] [data-field="rate"]');
    expect(await rate.locator('label').textContent()).toBe('Ставка, %');
    expect(await rate.locator('input').inputValue()).toBe('3'); // the template's 3%
    await rate.locator('input').fill('10');
    // At 150 % of the sample's 1 000 000 plan: 30 000 salary + 10 % × 1 500 000 = 150 000 + 20 000 plan bonus
    // + 2 000 × (15 − 5) deal bonus = 20 000 → 220 000. A bare 10 read as 1 000 % would be 15 070 000.
    await expect.poll(() => page.getAttribute('.chart g.bar[data-attainment="150"]', 'data-total')).toBe('220000');
    await page.waitForSelector('.check.good');

    await page.fill('#scheme-name', 'Десять процентов');
    await page.click('button.save');
    await page.waitForSelector('.status.ok');
    const rows = sheet('Схемы').filter((r) => r[0] === 'Десять процентов');
    expect(rows[1][1]).toBe('процент');
    expect(rows[1][3]).toBe(0.1); // written as Sheets holds a typed 10%: the fraction, with a percent format
  }, 60_000);

  it('the attainment threshold of a plan bonus is a % field too: 90 typed is 90 %', async () => {
    const page = await openPage();
    await page.click('[data-template="seed001"] button');
    await page.waitForSelector('.check.good');
    const threshold = page.locator('[data-rule-index="2"] [data-field="threshold"]');
    expect(await threshold.locator('label').textContent()).toBe('Выполнение плана от, %');
    expect(await threshold.locator('input').inputValue()).toBe('100');
    await threshold.locator('input').fill('90');
    await page.waitForSelector('.check.good');
    // a count threshold is not a percent: the deal bonus keeps its plain field
    expect(await page.locator('[data-rule-index="3"] [data-field="threshold"] label').textContent()).toBe('Сделок без бонуса');
  }, 60_000);
});
