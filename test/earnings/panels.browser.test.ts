/**
 * The My earnings and Simulate panels in real Chromium, against the BUILT add-on (build/Sidebar.html
 * + build/Code.js through the preview server and the fake SpreadsheetApp), on the hand-worked
 * workbook of ./fixture.ts plus one hostile client name. Run `npm run build` first.
 * Skipped locally without Chromium; under CI=true they fail instead (test/harness/browser.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';
import { launchChromium, RUN_BROWSER_TESTS } from '../harness/browser';
import { fixtureWorkbook, IVANOV, PETROV } from './fixture';

const XSS_CLIENT = '<img src=x onerror=alert(1)>';

describe.skipIf(!RUN_BROWSER_TESTS)('My earnings and Simulate panels in Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const raw = fixtureWorkbook();
    const sheets = Object.fromEntries(raw.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
    // Петров, 2026-11-04: a 50 000 deal with a client name that is markup
    sheets['Сделки'].push(['2026-11-04', PETROV, XSS_CLIENT, 50000, 35000, 'успешно']);
    server = await startPreviewServer({ sheets, locale: 'ru_RU' });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(panel: 'earnings' | 'simulate', lang: 'ru' | 'en'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 320, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', async (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      await d.dismiss();
    });
    await page.goto(`${server.url}?panel=${panel}&lang=${lang}`);
    return { page, errors };
  }

  it('My earnings: an unmapped user picks a manager; total, next tier and attainment for 2026-11-20', async () => {
    const { page, errors } = await open('earnings', 'ru');
    // the preview's user (owner@example.com) is in no e-mail column: the picker and its hint
    await page.waitForSelector('[data-testid=earnings-message]');
    expect(await page.textContent('[data-testid=earnings-message]')).toContain('Выберите себя');
    await page.selectOption('[data-testid=earnings-manager]', IVANOV);
    await page.waitForSelector('[data-testid=earnings-total]');
    await page.fill('[data-testid=earnings-asof]', '2026-11-20');
    // 30 000 + 3 % × (500 000 + 350 000) = 55 500
    await page.waitForFunction(() => document.querySelector('[data-testid=earnings-total]')?.textContent === '55\u202f500,00\u00a0₽');
    const next = await page.textContent('[data-testid=earnings-next]');
    expect(next).toContain('ещё 150 000,00 ₽ выручки → +24 500,00 ₽'); // 20 000 + 3 % × 150 000
    expect(next).toContain('ещё 4\u00a0сделки → +2 000,00 ₽');
    expect(await page.getAttribute('[data-testid=earnings-attainment] [role=progressbar]', 'aria-valuenow')).toBe('85');
    expect(await page.$$eval('[data-testid=earnings-lines] li', (els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(['salary', 'percent', 'plan_bonus', 'deal_bonus']);
    expect(await page.$$eval('[data-testid=earnings-deals] tbody tr', (els) => els.length)).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('My earnings escapes what the sheet holds: a client named <img onerror> is text', async () => {
    const { page, errors } = await open('earnings', 'en');
    // the previous test picked Иванов: this user gets him straight away now (remembered pick)
    await page.waitForSelector('[data-testid=earnings-total]');
    expect(await page.inputValue('[data-testid=earnings-manager]')).toBe(IVANOV);
    await page.selectOption('[data-testid=earnings-manager]', PETROV);
    await page.waitForSelector('[data-testid=earnings-deals]');
    await page.fill('[data-testid=earnings-asof]', '2026-11-30');
    await page.waitForFunction((x) => document.querySelector('[data-testid=earnings-deals]')?.textContent?.includes(x), XSS_CLIENT);
    expect(await page.$$('[data-testid=earnings] img')).toHaveLength(0);
    // 30 000 + 3 % × (100 000 + 50 000) = 34 500 (the preview's en_US spreadsheet locale means dollars)
    expect(await page.textContent('[data-testid=earnings-total]')).toBe('$34,500.00');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Simulate: two schemes over 2026-09…2026-10, over-limit warnings, per-manager difference, then write the tab', async () => {
    const { page, errors } = await open('simulate', 'en');
    await page.waitForSelector('[data-testid=sim-scheme1] option', { state: 'attached' });
    await page.selectOption('[data-testid=sim-scheme1]', 'Базовая');
    await page.selectOption('[data-testid=sim-scheme2]', 'Новая');
    await page.fill('[data-testid=sim-from]', '2026-09');
    await page.fill('[data-testid=sim-to]', '2026-10');
    await page.click('[data-testid=sim-run]');
    await page.waitForSelector('[data-testid=sim-result]');
    const periods = await page.$$eval('[data-testid=sim-periods] [data-period]', (cards) => cards.map((c) => c.getAttribute('data-period')));
    expect(periods).toEqual(['2026-09', '2026-10']);
    const sep = await page.textContent('[data-testid=sim-periods] [data-period="2026-09"]');
    expect(sep).toContain('128,000'); // 83 000 + 45 000
    expect(sep).toContain('99,500'); // 69 500 + 30 000
    expect(sep).toContain('-28,500');
    expect(await page.getAttribute('[data-testid=sim-periods] [data-period="2026-09"] [data-scheme="Новая"] [data-testid=sim-payroll]', 'title')).toBe('$99,500.00 · over limit');
    const warnings = await page.$$eval('[data-testid=sim-warnings] li', (els) => els.map((e) => e.textContent));
    expect(warnings).toEqual([
      'Новая, 2026-09: payroll is 20.73% of margin — over the 15% limit.',
      'Новая, 2026-10: payroll is 17.78% of margin — over the 15% limit.',
    ]);
    const ivanov = await page.$$eval('[data-testid=sim-managers-table] [data-manager]', (cards) =>
      cards.map((c) => [c.getAttribute('data-manager'), ...Array.from(c.querySelectorAll('.figure-value'), (v) => v.textContent)]));
    expect(ivanov[0]).toEqual([IVANOV, '171,000', '143,500', '-27,500']);

    await page.click('[data-testid=sim-detail][data-period="2026-10"] summary');
    const octRows = await page.$$eval('[data-testid=sim-detail][data-period="2026-10"] [data-manager]', (cards) =>
      cards.map((c) => [c.getAttribute('data-manager'), ...Array.from(c.querySelectorAll('.figure-value'), (v) => v.textContent)]));
    expect(octRows).toEqual([[IVANOV, '88,000', '74,000', '-14,000'], [PETROV, '57,000', '38,000', '-19,000']]);

    await page.click('[data-testid=sim-write]');
    await page.waitForSelector('[data-testid=sim-written]');
    const tabs = (server.spreadsheet.getSheets() as { getName(): string }[]).map((s) => s.getName());
    expect(tabs.some((n) => n.startsWith('Simulation') || n.startsWith('Симуляция'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Simulate: a bad range shows the server’s message', async () => {
    const { page } = await open('simulate', 'ru');
    await page.waitForSelector('[data-testid=sim-scheme1] option', { state: 'attached' });
    await page.fill('[data-testid=sim-from]', '2026-10');
    await page.fill('[data-testid=sim-to]', '2026-09');
    await page.click('[data-testid=sim-run]');
    await page.waitForSelector('[data-testid=sim-error]');
    expect(await page.textContent('[data-testid=sim-error]')).toContain('позже');
    await page.close();
  });
});
