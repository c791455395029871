/**
 * The sidebar's Deals sheets picker in real Chromium against the BUILT add-on (issue 9 item 3):
 * tick two Deals sheets, see both sheets' deals counted and the combined column report, save, and
 * the next run pays both; a sheet with other columns is refused with the reader's reason. At the
 * sidebar's 300 px, in both languages, nothing cut and no key untranslated. `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';
import { msg } from '../../src/core/messages/index';
import { launchChromium, RUN_BROWSER_TESTS } from '../harness/browser';
import { allLayoutProblems, SIDEBAR_WIDTH } from '../harness/screens';

const HEAD = ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'];
const SHEETS = {
  'Сделки 2025': [HEAD, ['15.10.2026', 'Иванов', 'ООО Ромашка', 200000, 'успешно'], ['20.10.2026', 'Петров', 'АО Вектор', 100000, 'успешно']],
  'Сделки 2026': [HEAD, ['21.10.2026', 'Иванов', 'ИП Сидоров', 300000, 'успешно'], ['22.10.2026', 'Иванов', 'ООО Луч', 50000, 'отказ'], ['23.10.2026', 'Петров', 'ООО Свет', 40000, 'успешно']],
  'Сделки (старые)': [['Дата', 'Менеджер', 'Сумма', 'Себестоимость'], ['01.09.2026', 'Иванов', 70000, 20000]],
  'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка'], ['2026-10', 'Иванов', 'Стандарт', 1000000], ['2026-10', 'Петров', 'Стандарт', 1000000]],
  'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['Стандарт', 'оклад', '', '', 10000], ['Стандарт', 'процент', 'выручка', '5%', '']],
};

describe.skipIf(!RUN_BROWSER_TESTS)('Deals sheets picker in Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer({ sheets: SHEETS, locale: 'ru_RU' });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openMapping(lang: 'ru' | 'en'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: SIDEBAR_WIDTH, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?panel=schemes&lang=${lang}`);
    await page.click('.mapping summary');
    await page.waitForSelector('.deals-picker .check-row');
    return { page, errors };
  }
  const tick = (page: Page, sheet: string) => page.locator(`.deals-picker label[data-sheet="${sheet}"] input`).check();
  const untick = (page: Page, sheet: string) => page.locator(`.deals-picker label[data-sheet="${sheet}"] input`).uncheck();

  it('ticks Сделки 2025 and Сделки 2026: both sheets’ deals counted, saved as the list, the run pays both', async () => {
    const { page, errors } = await openMapping('ru');
    // Nothing ticked and three sheets named like Deals: the reader's "choose" message, no guess.
    await page.waitForSelector('.deals-refused');
    expect(await page.locator('.deals-refused').textContent()).toContain('Сделки 2025');

    await tick(page, 'Сделки 2025');
    await tick(page, 'Сделки 2026');
    await page.waitForSelector('.deals-check');
    // 2025's sheet: 2 deals; 2026's: 3 (the lost one is a deal too) → 5.
    expect(await page.locator('.deals-check li').allTextContents()).toEqual([
      msg('ru', 'sb.deals.sheetDeals', { sheet: 'Сделки 2025', count: 2 }),
      msg('ru', 'sb.deals.sheetDeals', { sheet: 'Сделки 2026', count: 3 }),
    ]);
    expect(await page.locator('.deals-total').textContent()).toBe(msg('ru', 'sb.deals.total', { count: 5 }));
    const report = await page.locator('.deals-columns').allTextContents();
    expect(report).toHaveLength(2);
    expect(report[1]).toMatch(/^Сделки 2026: date ← «Дата», manager ← «Менеджер».*amount ← «Сумма»/);
    expect(await allLayoutProblems(page)).toEqual([]);

    await page.click('.mapping button.secondary');
    await expect.poll(() => page.locator('.mapping .status').textContent()).toBe(msg('ru', 'sb.mapping.saved'));
    expect(JSON.parse(server.env.documentProperties.getProperty('kpiPayouts.mapping')!)).toEqual({ sheets: { deals: 'Сделки 2025,Сделки 2026' } });
    const json = JSON.parse(JSON.stringify(server.bundle.call('checkData', '2026-10')));
    // Иванов: 10 000 + 5 % × (200 000 + 300 000; the lost 50 000 not) = 35 000; Петров: 10 000 + 5 % × (100 000 + 40 000) = 17 000.
    expect(json.managers.map((m: any) => [m.manager, m.total])).toEqual([['Иванов', 35000], ['Петров', 17000]]);
    expect(errors).toEqual([]);
    await page.close();

    // Opened again, the saved choice shows ticked.
    const again = await openMapping('ru');
    await again.page.waitForSelector('.deals-check');
    expect(await again.page.locator('.deals-picker input:checked').count()).toBe(2);
    await again.page.close();
    server.env.documentProperties.deleteProperty('kpiPayouts.mapping');
  }, 60_000);

  it('a sheet with other columns is refused with why; saving it is refused and nothing is saved (English too, at 300 px)', async () => {
    for (const lang of ['ru', 'en'] as const) {
      const { page, errors } = await openMapping(lang);
      await tick(page, 'Сделки 2025');
      await page.waitForSelector('.deals-check');
      await tick(page, 'Сделки (старые)');
      await page.waitForSelector('.deals-refused');
      // The reader's own message, in the spreadsheet's language (the preview switches the locale with the page).
      expect(await page.locator('.deals-refused').textContent()).toBe(msg(lang, 'reading.dealsSheetsDiffer', {
        first: 'Сделки 2025', sheet: 'Сделки (старые)',
        firstHeaders: '"Дата", "Менеджер", "Клиент", "Сумма", "Статус"', headers: '"Дата", "Менеджер", "Сумма", "Себестоимость"',
      }));
      expect(await page.locator('.deals-picker .help').textContent()).toBe(msg(lang, 'sb.deals.help'));
      expect(await allLayoutProblems(page)).toEqual([]);
      await page.click('.mapping button.secondary');
      await expect.poll(() => page.locator('.mapping .status').textContent()).toContain(msg(lang, 'sb.deals.notSaved', { reason: '' }).trim());
      expect(server.env.documentProperties.getProperty('kpiPayouts.mapping')).toBeNull();
      await untick(page, 'Сделки (старые)');
      await page.waitForSelector('.deals-check');
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 90_000);
});
