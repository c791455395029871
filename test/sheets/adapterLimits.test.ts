/**
 * SPEC §10.3 on the built script: renamed tabs are the user's, old periods' tabs can be removed
 * from the menu, the summary is left active, a run stops cleanly within its time budget, the
 * deals-behind lists are cut before Sheets' 10 M cells, and the service calls per tab stay a
 * bounded handful however many managers and deals.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { rawWorkbook } from '../fixtures/rawWorkbooks';
import { clockDate, SHEETS_LIMITS } from '../harness/fakeSpreadsheetApp';
import { loadBundle } from '../harness/loadBundle';
import { appsScriptGlobals } from '../harness/fakeSpreadsheetApp';
import { generatedNames, rig } from './setup';
import { scaleWorkbook } from './scaleWorkbook';

/** Scheme A: salary 1 000 + 10 % of revenue. Анна: 20 000 in September, 100 000 in October. */
function workbook() {
  return rawWorkbook({
    'Сделки': [['Дата', 'Менеджер', 'Сумма'], ['05.09.2026', 'Анна', 20000], ['05.10.2026', 'Анна', 100000], ['06.11.2026', 'Анна', 50000]],
    'Планы': [['Период', 'Менеджер', 'Схема'], ['2026-09', 'Анна', 'A'], ['2026-10', 'Анна', 'A'], ['2026-11', 'Анна', 'A']],
    'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['A', 'оклад', '', '', 1000], ['A', 'процент', 'выручка', '10%', '']],
  });
}

describe('generated tabs and the user', () => {
  it('a generated tab the user renamed is theirs: a rerun writes a new one and never deletes it', () => {
    const { ss, gas } = rig(workbook());
    gas.call('generatePayouts', '2026-10');
    ss._sheet('Анна · 2026-10')!._name = 'Анна октябрь — с пометками';
    ss._sheet('Анна октябрь — с пометками')!._values[0][5] = 'моя пометка';
    gas.call('generatePayouts', '2026-10');
    expect(ss._sheet('Анна октябрь — с пометками')!._values[0][5]).toBe('моя пометка');
    expect(ss._names()).toContain('Анна · 2026-10');
  });

  it('the summary tab is the active one after a run', () => {
    const { ss, gas } = rig(workbook());
    gas.call('generatePayouts', '2026-10');
    expect(ss.getActiveSheet()!.getName()).toBe('Выплаты · 2026-10');
  });

  it('Remove old payout tabs keeps the last N periods; renamed tabs and user sheets stay', () => {
    const { ss, gas } = rig(workbook(), { 'Мои заметки': [['x']] });
    for (const p of ['2026-09', '2026-10', '2026-11']) gas.call('generatePayouts', p);
    ss._sheet('Анна · 2026-09')!._name = 'Анна сентябрь (копия)';
    const r = gas.call('removeOldPayoutTabs', 1);
    // kept: November; removed: September's summary and both October tabs (the renamed September tab is the user's)
    expect([...r.removed].sort()).toEqual(['Анна · 2026-10', 'Выплаты · 2026-09', 'Выплаты · 2026-10']);
    expect(generatedNames(ss)).toEqual(['Анна сентябрь (копия)', 'Выплаты · 2026-11', 'Анна · 2026-11']);
    expect(ss._names()).toContain('Мои заметки');
  });
});

describe('Apps Script’s 6 minutes', () => {
  it('a run that would pass 5 minutes stops before swapping: previous tabs intact, a clear message', () => {
    const raw = scaleWorkbook({ managers: 30, deals: 300 });
    const { ss, gas } = rig(raw);
    gas.call('generatePayouts', '2026-11');
    const before = JSON.stringify(ss._fullSnapshot());
    // a slow Sheets: 0.5 s per service call; reading takes ~1 minute, 31 tabs × ~20 calls ≈ 5 more: past the 5-minute budget
    const slow = loadBundle({ ...appsScriptGlobals(ss), Date: clockDate(ss.io, new Date('2026-12-01T09:00:00Z')) });
    ss.io.latencyMs = 500;
    ss.io.killAfterMs = 6 * 60_000; // what Apps Script would do at 6 minutes
    expect(() => slow.call('generatePayouts', '2026-11')).toThrow(/6-минутного лимита|6-minute/);
    expect(ss.io.elapsedMs).toBeLessThan(6 * 60_000);
    ss.io.latencyMs = 0;
    expect(JSON.stringify(ss._fullSnapshot())).toBe(before);
  });
});

describe('Sheets’ 10 000 000 cells', () => {
  it('the deals-behind lists are cut with a note when the tabs would pass the cap; the statements are whole', () => {
    // 2 managers × 3 000 deals in November. A filler sheet leaves 40 000 cells of room:
    // uncut, each manager tab is ~1 500+ rows × 10 columns ≈ 15 000+ cells each plus the summary.
    const raw = scaleWorkbook({ managers: 2, deals: 6000 });
    const { ss, gas } = rig(raw);
    const used = ss._cellCount();
    const filler = ss._addSheet('Архив', undefined, 1, 1);
    filler._maxRows = Math.floor((SHEETS_LIMITS.cells - used - 40_000) / 10);
    filler._maxCols = 10;
    const json = gas.call('generatePayouts', '2026-11');
    expect(json.managers).toHaveLength(2);
    expect(ss._cellCount()).toBeLessThanOrEqual(SHEETS_LIMITS.cells);
    const tab = ss._sheets.find((s) => s._name.startsWith('Менеджер 001'))!;
    const rows = tab._dump();
    const note = rows.find((r) => typeof r[0] === 'string' && /^Список обрезан/.test(r[0] as string));
    expect(note, 'a note says the list is cut and where the full one is').toBeDefined();
    expect(String(note![0])).toContain('kpi-payouts');
    // the total line is still there, above the cut list
    expect(rows.some((r) => r[0] === msg('ru', 'tabs.total.total'))).toBe(true);
  });
});

describe('service calls per tab', () => {
  it('50 and 500 managers: a bounded handful per tab, the same with 10× the deals', () => {
    const perTab = (managers: number, deals: number) => {
      const { ss, gas } = rig(scaleWorkbook({ managers, deals }));
      ss.io.reset();
      const json = gas.call('generatePayouts', '2026-11');
      const tabs = json.managers.length + 1;
      return { total: ss.io.total, tabs, perTab: ss.io.total / tabs };
    };
    const a = perTab(50, 500);
    const b = perTab(50, 5000);
    const c = perTab(500, 1000);
    console.log(`calls per tab: 50 managers ${a.perTab.toFixed(1)} (${a.total} calls / ${a.tabs} tabs), 50 managers ×10 deals ${b.perTab.toFixed(1)}, 500 managers ${c.perTab.toFixed(1)} (${c.total} / ${c.tabs})`);
    // deals do not add calls beyond the column widths: statements fit their widths to their content
    // (SPEC §12 printing), so a longer list may split a tab's widths into a few more runs, never more
    // than its columns
    expect(b.total - a.total).toBeLessThanOrEqual(a.tabs);
    expect(b.perTab).toBeLessThanOrEqual(24);
    // per manager tab ~18 (insert, mark, hide, resize ×2, one range: values + formats + weights, frozen rows,
    // widths ×3, links, name, show, and its share of the reads); the summary's chart adds its builder calls
    // (+2 since the statements' widths follow their content: a few more width runs)
    expect(a.perTab).toBeLessThanOrEqual(24);
    expect(c.perTab).toBeLessThanOrEqual(24);
  }, 240_000);
});
