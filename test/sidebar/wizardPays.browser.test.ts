/**
 * Issue 5's "done when": the engine pays from what the wizard saved.
 *
 * In real Chromium, through the sidebar only, the three seed templates are saved under new names
 * (Тест 001 / 002 / 003) into a small workbook that has no Schemes sheet at all (the wizard creates
 * it). Then, on the server side of the same preview, the BUILT `checkData(period)` pays one manager
 * per new scheme, and each total is checked against the arithmetic written out below.
 * Screenshots of My earnings and Simulate (ru) on that workbook go to test/artifacts/ (gitignored).
 *
 * Skipped locally without Chromium; under CI=true it fails instead (test/harness/browser.ts).
 * Run `npm run build` first.
 *
 * The workbook, period 2026-11 (nothing before it, so nobody owes anything at the start of the month):
 *   Алексеев → Тест 001 (seed 001), revenue plan 100 000
 *     6 won deals × 20 000 = revenue 120 000, 6 deals (attainment 120 %)
 *   Борисова → Тест 002 (seed 002), new-clients plan 1
 *     1 won deal, new client «ООО Новый»: 100 000, cost 60 000 (margin 40 000), partner price 90 000
 *   Васильев → Тест 003 (seed 003), no plan figures (the KPI targets are the scheme's own)
 *     1 won deal 200 000, cost 100 000 (margin 100 000), paid 180 000 on 2026-11-20;
 *     1 lost deal 50 000; KPI sheet: contacts 150
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';
import { launchChromium, RUN_BROWSER_TESTS } from '../harness/browser';

const ARTIFACTS = resolve(__dirname, '../artifacts');
const PERIOD = '2026-11';

const ALEKSEEV = 'Алексеев';
const BORISOVA = 'Борисова';
const VASILIEV = 'Васильев';

/** template id in the sidebar → the new name it is saved under → the manager it pays. */
const CASES = [
  { template: 'seed001', name: 'Тест 001', manager: ALEKSEEV },
  { template: 'seed002', name: 'Тест 002', manager: BORISOVA },
  { template: 'seed003', name: 'Тест 003', manager: VASILIEV },
] as const;

function workbook(): Record<string, unknown[][]> {
  const deals: unknown[][] = [
    ['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Себестоимость', 'Статус', 'Оплачено', 'Дата оплаты', 'Партнёрская цена'],
  ];
  for (let i = 1; i <= 6; i++) deals.push([`A${i}`, `2026-11-0${i + 1}`, ALEKSEEV, 'ООО Альфа', 20000, 14000, 'успешно', '', '', '']);
  deals.push(['B1', '2026-11-05', BORISOVA, 'ООО Новый', 100000, 60000, 'успешно', '', '', 90000]);
  deals.push(['C1', '2026-11-10', VASILIEV, 'ООО Вега', 200000, 100000, 'успешно', 180000, '2026-11-20', '']);
  deals.push(['C2', '2026-11-12', VASILIEV, 'ООО Сириус', 50000, 30000, 'проиграна', '', '', '']);
  return {
    Сделки: deals,
    Планы: [
      ['Период', 'Менеджер', 'Схема', 'Выручка', 'Новые клиенты'],
      [PERIOD, ALEKSEEV, 'Тест 001', 100000, ''],
      [PERIOD, BORISOVA, 'Тест 002', '', 1],
      [PERIOD, VASILIEV, 'Тест 003', '', ''],
    ],
    Показатели: [
      ['Период', 'Менеджер', 'Показатель', 'Значение'],
      [PERIOD, VASILIEV, 'контакты', 150],
    ],
  };
}

interface PayoutLine {
  rule: string;
  metric: string | null;
  amount: number;
}
interface ManagerPayout {
  manager: string;
  scheme: string;
  lines: PayoutLine[];
  kpi_coefficient: number | null;
  salary: number;
  variable: number;
  total: number;
}
interface PayoutJson {
  period: string;
  managers: ManagerPayout[];
  issues: { sheet: string; row: number | null; message: string }[];
}

describe.skipIf(!RUN_BROWSER_TESTS)('the engine pays what the wizard saved (issue 5)', () => {
  let server: PreviewServer;
  let browser: Browser;

  const sheetValues = (name: string): unknown[][] | null => {
    const sheet = (server.spreadsheet as any).getSheetByName(name);
    return sheet ? (sheet.getDataRange().getValues() as unknown[][]) : null;
  };
  /** The built server function, as google.script.run would deliver its result (plain JSON). */
  const rpc = <T>(name: string, ...args: unknown[]): T => JSON.parse(JSON.stringify(server.bundle.call(name, ...args))) as T;

  beforeAll(async () => {
    server = await startPreviewServer({ sheets: workbook(), locale: 'ru_RU' });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(panel: 'schemes' | 'earnings' | 'simulate'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 320, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', async (d) => {
      errors.push(`unexpected ${d.type()}: ${d.message()}`);
      await d.dismiss();
    });
    await page.goto(`${server.url}?panel=${panel}&lang=ru`);
    return { page, errors };
  }

  it('saves the three seed templates under new names through the sidebar', async () => {
    expect(sheetValues('Схемы')).toBeNull(); // the workbook starts without a Schemes sheet
    const { page, errors } = await open('schemes');
    await page.waitForSelector('.panel.schemes .template');
    for (const c of CASES) {
      await page.click(`[data-template="${c.template}"] button`);
      await page.fill('#scheme-name', c.name);
      await page.waitForSelector('.check.good');
      await page.click('button.save');
      await page.waitForSelector('.status.ok');
      await page.waitForSelector(`.scheme-item[data-scheme="${c.name}"]`);
    }
    const rows = sheetValues('Схемы');
    expect(rows).not.toBeNull();
    const rulesOf = (name: string) => rows!.filter((r) => r[0] === name).length;
    expect(CASES.map((c) => rulesOf(c.name))).toEqual([4, 5, 7]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('checkData pays each manager from the saved scheme, to the kopeck', () => {
    const result = rpc<PayoutJson>('checkData', PERIOD);
    expect(result.period).toBe(PERIOD);
    const byManager = new Map(result.managers.map((m) => [m.manager, m]));
    for (const c of CASES) expect(byManager.get(c.manager)?.scheme, `${c.manager}'s scheme`).toBe(c.name);
    const amounts = (m: ManagerPayout) => m.lines.map((l) => [l.rule, l.amount]);

    // Тест 001 (seed 001): salary 30 000
    //   + 3 % × revenue 120 000                              =  3 600
    //   + plan bonus 20 000 (120 000 / 100 000 = 120 % ≥ 100 %) = 20 000
    //   + 2 000 × (6 deals − 5)                              =  2 000
    //   = 30 000 + 25 600 = 55 600
    const a = byManager.get(ALEKSEEV)!;
    expect(amounts(a)).toEqual([['salary', 30000], ['percent', 3600], ['plan_bonus', 20000], ['deal_bonus', 2000]]);
    expect([a.salary, a.variable, a.total]).toEqual([30000, 25600, 55600]);

    // Тест 002 (seed 002): salary 25 000
    //   + 10 % × margin (100 000 − 60 000 = 40 000)                       =  4 000
    //   + 5 % (month 0 of the client, tier 0:5 %) × 100 000 of her client  =  5 000
    //   + 3 000 × 1 new client                                             =  3 000
    //   + partner price: 100 000 − 90 000 (1 new client ≥ plan 1)          = 10 000
    //   = 25 000 + 22 000 = 47 000
    const b = byManager.get(BORISOVA)!;
    expect(amounts(b)).toEqual([['salary', 25000], ['percent', 4000], ['client_turnover', 5000], ['new_client_bonus', 3000], ['partner_price', 10000]]);
    expect([b.salary, b.variable, b.total]).toEqual([25000, 22000, 47000]);

    // Тест 003 (seed 003): salary 35 000; V = 4 % × paid 180 000 = 7 200
    //   K = 0.4 × min(conversion (1 won ÷ (1 won + 1 lost) = 50 %) ÷ 30 %, 1.2) = 0.4 × 1.2 = 0.48
    //     + 0.4 × min(collection (180 000 ÷ (0 owed + 200 000) = 90 %) ÷ 90 %, 1.2) = 0.4 × 1 = 0.40
    //     + 0.2 × min(contacts 150 ÷ 300, 1.2)                              = 0.2 × 0.5 = 0.10
    //     = 0.98 ≥ gate 0.5
    //   variable = 7 200 × 0.98 = 7 056, under the limit 15 % × margin 100 000 = 15 000
    //   = 35 000 + 7 056 = 42 056
    const v = byManager.get(VASILIEV)!;
    // (the kpi line is K's effect on V: 7 056 − 7 200 = −144)
    expect(amounts(v)).toEqual([['salary', 35000], ['percent', 7200], ['kpi', -144]]);
    expect(v.kpi_coefficient).toBeCloseTo(0.98, 10);
    expect([v.salary, v.variable, v.total]).toEqual([35000, 7056, 42056]);

    // Nothing in this workbook is wrong, and nothing in the saved schemes either.
    expect(result.issues).toEqual([]);
  });

  it('My earnings (ru) shows the same total for Алексеев; screenshot', async () => {
    const { page, errors } = await open('earnings');
    await page.waitForSelector('[data-testid=earnings-manager]');
    await page.selectOption('[data-testid=earnings-manager]', ALEKSEEV);
    await page.waitForSelector('[data-testid=earnings-total]');
    await page.fill('[data-testid=earnings-asof]', '2026-11-30');
    await page.waitForFunction(() => /^55\s600,00\s₽$/.test(document.querySelector('[data-testid=earnings-total]')?.textContent ?? ''));
    await page.screenshot({ path: resolve(ARTIFACTS, 'earnings-ru.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('Simulate (ru) runs Тест 001 against Тест 003 over 2026-11; screenshot', async () => {
    const { page, errors } = await open('simulate');
    await page.waitForSelector('[data-testid=sim-scheme1] option', { state: 'attached' });
    await page.selectOption('[data-testid=sim-scheme1]', 'Тест 001');
    await page.selectOption('[data-testid=sim-scheme2]', 'Тест 003');
    await page.fill('[data-testid=sim-from]', PERIOD);
    await page.fill('[data-testid=sim-to]', PERIOD);
    await page.click('[data-testid=sim-run]');
    await page.waitForSelector('[data-testid=sim-result]');
    const periods = await page.$$eval('[data-testid=sim-periods] [data-period]', (cards) => cards.map((c) => c.getAttribute('data-period')));
    expect(periods).toEqual([PERIOD]);
    // The same totals as checkData above: Алексеев under Тест 001 (his own), Васильев under Тест 003 (his own).
    const rows = await page.$$eval('[data-testid=sim-managers-table] [data-manager]', (cards) =>
      cards.map((c) => [c.getAttribute('data-manager'), ...Array.from(c.querySelectorAll('.figure-value'), (v) => (v.textContent ?? '').replace(/\s/g, ' '))]));
    expect(rows.find((r) => r[0] === ALEKSEEV)?.[1]).toBe('55 600');
    expect(rows.find((r) => r[0] === VASILIEV)?.[2]).toBe('42 056');
    await page.screenshot({ path: resolve(ARTIFACTS, 'simulate-ru.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
