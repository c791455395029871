/**
 * The wizard's §14 parts in real Chromium against the BUILT add-on: the «rates by category»
 * template, the filter field offering the workbook's own values, and the filter saved in the
 * Schemes sheet's `Условие` column. Run `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';
import { launchChromium, RUN_BROWSER_TESTS } from '../harness/browser';
import { CATEGORIES } from './scenarios';

describe.skipIf(!RUN_BROWSER_TESTS)('§14 in the scheme wizard (Chromium)', () => {
  let server: PreviewServer;
  let browser: Browser;
  const sheet = (name: string) => (server.spreadsheet as any)._sheet(name)._values as unknown[][];

  beforeAll(async () => {
    server = await startPreviewServer({ sheets: JSON.parse(JSON.stringify(CATEGORIES)) });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the category template, a clause picked from the workbook\'s own values, saved as the twelfth column', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?panel=schemes&lang=ru`);
    await page.waitForSelector('.scheme-item');
    await page.click('[data-template="byCategory"] button');
    await page.fill('#scheme-name', 'По категориям');
    await page.waitForSelector('.check.good');
    // Rule 2 carries the template's filter; the field offers «категория = Услуги» from the Deals sheet.
    const rule2 = page.locator('[data-rule-index="1"]');
    await expect.poll(() => rule2.locator('.filter-text').inputValue()).toBe('категория = Арматура');
    await rule2.locator('select.filter-options').selectOption('клиент = новый');
    await expect.poll(() => rule2.locator('.filter-text').inputValue()).toBe('категория = Арматура и клиент = новый');
    // A clause the engine cannot read is explained beside the field.
    const rule3 = page.locator('[data-rule-index="2"]');
    await rule3.locator('.filter-text').fill('цвет = красный');
    await expect.poll(() => rule3.locator('[data-field="filter"] .issue').count(), { timeout: 5000 }).toBe(1);
    await rule3.locator('.filter-text').fill('категория = Неликвид');
    await page.waitForSelector('.check.good');
    await page.click('button.save');
    await page.waitForSelector('.status.ok');
    const rows = sheet('Схемы').filter((r) => r[0] === 'По категориям');
    expect(rows.map((r) => r[11])).toEqual(['', 'категория = Арматура и клиент = новый', 'категория = Неликвид', 'клиент = новый']);
    expect(errors).toEqual([]);
  }, 60_000);
});
