/**
 * SPEC §10.3 over the BUILT script: for every service call a generation makes, a run in which
 * exactly that call fails leaves the spreadsheet either exactly as it was or exactly as a
 * successful run leaves it — compared on the fake's full snapshot (sheet names, order, values,
 * formulas, formats, visibility, developer metadata, protections, charts). And the call reports
 * failure exactly when the spreadsheet is as before: never after the tabs were committed.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/numbers';
import type { RawWorkbook } from '../../src/workbook/raw';
import { rawWorkbook, ruWorkbook } from '../fixtures/rawWorkbooks';
import { appsScriptGlobals, FakeDeveloperMetadata, fakeSpreadsheet } from '../harness/fakeSpreadsheetApp';
import { loadBundle } from '../harness/loadBundle';
import { fixtureWorkbook } from '../earnings/fixture';
import { schemesWithSideTable } from './schemeFixtures';
import { fixedClock, rig, type SheetsRig } from './setup';

const NOW = new Date('2026-12-01T09:00:00Z');

export interface FaultReport {
  calls: number;
  before: number;
  after: number;
  /** Failing call numbers grouped by the method that failed → what it left. */
  byMethod: Record<string, { before: number; after: number }>;
}

/**
 * Runs `act` once cleanly to count its calls and take the "after" snapshot, then once per call k
 * with call k failing, each on a freshly prepared spreadsheet. Every outcome must be before or
 * after; a thrown error must go with "before", a return with "after".
 */
export async function injectEveryFault(prepare: () => SheetsRig, act: (r: SheetsRig) => unknown): Promise<FaultReport> {
  const clean = prepare();
  const before = JSON.stringify(clean.ss._fullSnapshot());
  clean.ss.io.reset();
  clean.ss.io.trace();
  act(clean);
  const methods = [...(clean.ss.io.sequence ?? [])];
  const calls = clean.ss.io.total;
  const after = JSON.stringify(clean.ss._fullSnapshot());
  expect(after).not.toBe(before); // the action does change something
  const report: FaultReport = { calls, before: 0, after: 0, byMethod: {} };
  for (let k = 1; k <= calls; k++) {
    // a macrotask turn now and then: vitest's worker must answer its runner within 60 s
    if (k % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const r = prepare();
    expect(JSON.stringify(r.ss._fullSnapshot())).toBe(before); // the same start every time
    r.ss.io.reset();
    r.ss.io.failAtCall(k);
    let threw: unknown = null;
    try {
      act(r);
    } catch (e) {
      threw = e;
    }
    const now = JSON.stringify(r.ss._fullSnapshot());
    const method = methods[k - 1] ?? '?';
    const tally = (report.byMethod[method] ??= { before: 0, after: 0 });
    if (now === before) {
      expect(threw, `call ${k} (${method}) failed, the spreadsheet is as before, so the user must be told`).not.toBeNull();
      report.before++;
      tally.before++;
    } else {
      expect(now, `call ${k} (${method}) failed: the spreadsheet is neither as before nor as after`).toBe(after);
      expect(threw, `call ${k} (${method}): the tabs were committed, so no failure may be reported`).toBeNull();
      report.after++;
      tally.after++;
    }
  }
  return report;
}

/**
 * Scheme A: salary 1 000 + 10 % of revenue; scheme B: 0.4 % of revenue.
 * 2026-10: Анна (A) 100 000 → 1 000 + 10 000 = 11 000; Борис 😀 (B) 50 000 × 0.4 % = 200.
 */
function smallWorkbook(): RawWorkbook {
  const boris = `Борис ${'😀'.repeat(48)}`; // 55 UTF-16 units, 31 code points: the tab name must be cut by units
  return rawWorkbook({
    'Сделки': [
      ['Дата', 'Менеджер', 'Сумма', 'Клиент'],
      ['05.09.2026', 'Анна', 20000, 'x'],
      ['05.10.2026', 'Анна', 100000, 'x'.repeat(60_000)], // a 60 000-character client: cut in the tab, quoted cut
      ['06.10.2026', boris, 50000, '=HYPERLINK("http://evil";"click")'],
    ],
    'Планы': [
      ['Период', 'Менеджер', 'Схема'],
      ['2026-09', 'Анна', 'A'],
      ['2026-10', 'Анна', 'A'],
      ['2026-10', boris, 'B'],
    ],
    'Схемы': [
      ['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'],
      ['A', 'оклад', '', '', 1000],
      ['A', 'процент', 'выручка', '10%', ''],
      ['B', 'процент', 'выручка', '0,4%', ''],
    ],
  });
}

/** A spreadsheet that already holds October's tabs (one renamed by its user) and September's, plus a user's tab. */
function prepared(raw: () => RawWorkbook, periods = ['2026-09', '2026-10'], extra: Record<string, CellValue[][]> = {}): () => SheetsRig {
  return () => {
    const r = rig(raw(), { 'Заметки': [['мои заметки', 42]], ...extra }, { now: NOW });
    for (const p of periods) r.gas.call('generatePayouts', p);
    const first = r.ss._sheets.find((s) => s._metadata.some((m) => String(m._value).startsWith('payout:')));
    if (first) first._name = `${first._name} (моя копия)`; // renamed by the user: theirs now, never replaced
    if (r.ss._sheet('Сделки')!._get(3, 3) === 100000) r.ss._sheet('Сделки')!._set(3, 3, 120000); // Анна's October deal grows: a rerun writes new figures
    return r;
  };
}

describe('a generation that fails at any one service call', () => {
  it('rerun of a period: every fault leaves the previous tabs or the complete new ones, never a mix', async () => {
    const report = await injectEveryFault(prepared(smallWorkbook), (r) => r.gas.call('generatePayouts', '2026-10'));
    console.log(`generatePayouts (rerun): ${report.calls} faults injected → ${report.before} left the spreadsheet as before, ${report.after} as after`, JSON.stringify(report.byMethod));
    expect(report.before).toBeGreaterThan(0);
    expect(report.after).toBeGreaterThan(0);
  }, 300_000);

  it('a new period next to old ones: the same', async () => {
    const report = await injectEveryFault(prepared(() => ruWorkbook(), ['2026-10']), (r) => r.gas.call('generatePayouts', '2026-11'));
    console.log(`generatePayouts (new period): ${report.calls} faults injected → ${report.before} before, ${report.after} after`);
    expect(report.before + report.after).toBe(report.calls);
  }, 300_000);

  it('a killed run’s leftovers (a half-built and a set-aside tab) are removed by the next run, which still is all-or-nothing', async () => {
    const withLeftovers = () => {
      const r = prepared(smallWorkbook)();
      for (const name of ['~kpi-tmp abc 1', '~kpi-tmp abc old 1']) {
        const s = r.ss._addSheet(name);
        s._hidden = true;
        s._metadata.push(new FakeDeveloperMetadata(s, 'kpiPayouts.tab', `payout:2026-10:x\t${name}`, r.ss.io));
      }
      return r;
    };
    const report = await injectEveryFault(withLeftovers, (r) => r.gas.call('generatePayouts', '2026-10'));
    expect(report.before + report.after).toBe(report.calls);
    const clean = withLeftovers();
    clean.gas.call('generatePayouts', '2026-10');
    expect(clean.ss._names().filter((n) => n.startsWith('~kpi-tmp'))).toEqual([]);
  }, 300_000);
});

describe('saving and deleting a scheme, writing a simulation tab: every single fault leaves before or after', () => {
  const schemesRig = (): SheetsRig => {
    const { ss, gas, env } = schemesWithSideTable();
    return { ss, gas, env, inputNames: ss._names() };
  };

  it('saveScheme growing a scheme into free rows', async () => {
    const report = await injectEveryFault(schemesRig, (r) => {
      const result = r.gas.call('saveScheme', 'Партнёрская схема', [
        { rule: 'salary', amount: '25000' },
        { rule: 'percent', metric: 'revenue', rate: '6%' },
        { rule: 'deal_bonus', amount: '1000', threshold: '5' },
      ]);
      expect(result.saved).toBe(true);
    });
    console.log(`saveScheme: ${report.calls} faults injected → ${report.before} before, ${report.after} after`);
    expect(report.before + report.after).toBe(report.calls);
  }, 120_000);

  it('saveScheme of a new scheme on a spreadsheet without a Schemes sheet', async () => {
    const bare = (): SheetsRig => {
      const ss = fakeSpreadsheet({ sheets: { Сделки: [['Дата', 'Менеджер', 'Сумма'], ['05.11.2026', 'Анна', 1000]] } });
      const globals = appsScriptGlobals(ss);
      return { ss, gas: loadBundle(globals), env: globals.__env, inputNames: ss._names() };
    };
    const report = await injectEveryFault(bare, (r) => r.gas.call('saveScheme', 'Новая', [{ rule: 'salary', amount: '1000' }]));
    console.log(`saveScheme (new sheet): ${report.calls} faults injected → ${report.before} before, ${report.after} after`);
    expect(report.before + report.after).toBe(report.calls);
  }, 120_000);

  it('deleteScheme', async () => {
    const report = await injectEveryFault(schemesRig, (r) => r.gas.call('deleteScheme', 'Базовая'));
    console.log(`deleteScheme: ${report.calls} faults injected → ${report.before} before, ${report.after} after`);
    expect(report.before + report.after).toBe(report.calls);
  }, 120_000);

  it('writeSimulationTab, first and rerun', async () => {
    const simRig = (again: boolean) => (): SheetsRig => {
      const raw = fixtureWorkbook();
      const ss = fakeSpreadsheet({ sheets: Object.fromEntries(raw.sheets.map((s) => [s.name, s.values])), timeZone: 'Europe/Moscow', locale: 'ru_RU' });
      const globals = appsScriptGlobals(ss);
      const gas = loadBundle({ ...globals, Date: fixedClock(NOW) });
      if (again) {
        gas.call('writeSimulationTab', ['Базовая'], '2026-09', '2026-10');
        ss._sheet('Сделки')!._set(2, 4, 777777); // the data changed since: the rerun writes other figures
      }
      return { ss, gas, env: globals.__env, inputNames: raw.sheets.map((s) => s.name) };
    };
    for (const again of [false, true]) {
      const report = await injectEveryFault(simRig(again), (r) => r.gas.call('writeSimulationTab', ['Базовая'], '2026-09', '2026-10'));
      console.log(`writeSimulationTab (${again ? 'rerun' : 'first'}): ${report.calls} faults injected → ${report.before} before, ${report.after} after`);
      expect(report.before + report.after).toBe(report.calls);
    }
  }, 240_000);
});
