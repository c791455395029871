/**
 * The Google Sheets adapter under load (SPEC §9): *Generate payouts* for 50 managers and 100 000
 * deals on the BUILT script (build/Code.js in node:vm) over the fake SpreadsheetApp.
 * Figures: spreadsheet service calls (and that they are the same as for 1 000 deals), the total
 * time of generatePayouts on the built script, and the adapter's own time (readRawWorkbook +
 * renderTabs, timed in Node with the fakes as globals) apart from the pipeline. The fake's
 * in-memory work is inside the adapter time; real Sheets calls cost far more each, which is why the
 * call count is the figure that matters.
 */
import { performance } from 'node:perf_hooks';
import { runPayouts } from '../../src/workbook/pipeline';
import { readRawWorkbook, renderTabs } from '../../src/sheets/spreadsheetIO';
import { appsScriptGlobals, fakeSpreadsheet } from '../../test/harness/fakeSpreadsheetApp';
import { loadBundle } from '../../test/harness/loadBundle';
import { scaleWorkbook } from '../../test/sheets/scaleWorkbook';
import type { RawWorkbook } from '../../src/workbook/raw';

interface Figure {
  name: string;
  value: string;
  budget?: string;
  ok?: boolean;
}

function load(raw: RawWorkbook) {
  const sheets: Record<string, unknown[][]> = {};
  for (const s of raw.sheets) sheets[s.name] = s.values;
  const ss = fakeSpreadsheet({ sheets, timeZone: raw.timeZone, locale: raw.locale ?? 'ru_RU' });
  const gas = loadBundle(appsScriptGlobals(ss));
  return { ss, gas };
}

/** Calls by method, with growing and trimming a new tab's rows counted as one resize. */
function normalised(calls: Record<string, number>): string {
  const { insertRowsAfter = 0, deleteRows = 0, ...rest } = calls;
  return JSON.stringify(Object.entries({ ...rest, resizeRows: insertRowsAfter + deleteRows }).sort());
}

export async function run(): Promise<Figure[]> {
  const period = '2026-11';
  const big = scaleWorkbook({ managers: 50, deals: 100_000 });
  const small = scaleWorkbook({ managers: 50, deals: 1_000 });

  // Warm-up (JIT) on the small workbook, then the measured runs.
  load(small).gas.call('generatePayouts', period);

  const s = load(small);
  s.ss.io.reset();
  s.gas.call('generatePayouts', period);

  // Each measured three times on a fresh spreadsheet and a fresh vm context of the built script; the median counts.
  const totals: number[] = [];
  let calls: Record<string, number> = {};
  let io = 0;
  for (let i = 0; i < 3; i++) {
    const b = load(big);
    b.ss.io.reset();
    const t0 = performance.now();
    b.gas.call('generatePayouts', period);
    totals.push(performance.now() - t0);
    calls = { ...b.ss.io.calls };
    io = b.ss.io.ioTotal();
  }
  const total = [...totals].sort((a, b) => a - b)[1];
  // The adapter alone, timed in Node on the same source (src/sheets/spreadsheetIO.ts) with the
  // fake services as globals: read (getValues per sheet) and render (51 tabs), pipeline apart.
  let read = Infinity;
  let pipeline = Infinity;
  let render = Infinity;
  for (let i = 0; i < 2; i++) {
    const { ss } = load(big);
    const g = appsScriptGlobals(ss);
    Object.assign(globalThis, { Utilities: g.Utilities, PropertiesService: g.PropertiesService, Charts: g.Charts, SpreadsheetApp: g.SpreadsheetApp });
    const t1 = performance.now();
    const raw = readRawWorkbook(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
    const t2 = performance.now();
    const result = runPayouts(raw, { period, today: '2026-12-01', generatedAt: '2026-12-01 10:00' });
    const t3 = performance.now();
    renderTabs(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, result.tabs, {
      lang: result.read.lang, currency: result.read.currency, timeZone: raw.timeZone,
    });
    const t4 = performance.now();
    read = Math.min(read, t2 - t1);
    pipeline = Math.min(pipeline, t3 - t2);
    render = Math.min(render, t4 - t3);
  }

  // Column widths follow the content (statements fit their widths for printing, SPEC §12), so
  // setColumnWidth runs are the one count that may change with the data — bounded by the columns;
  // every other call must be the same as with 1 000 deals, and all of them stay a handful per tab.
  const fixed = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'setColumnWidth'));
  const same = normalised(fixed(calls)) === normalised(fixed(s.ss.io.calls));
  const ioPerTab = io / 51;
  if (!same) console.log('  calls differ:', normalised(s.ss.io.calls), '\n  vs', normalised(calls));
  const perTab = (calls.setValues ?? 0) / 51;
  return [
    { name: 'service calls, 50 managers / 100 000 deals', value: String(Object.values(calls).reduce((a, n) => a + n, 0)) },
    { name: 'spreadsheet I/O calls (no builders/formatDate)', value: String(io) },
    { name: 'getValues (one per input sheet)', value: String(calls.getValues ?? 0), budget: '4', ok: (calls.getValues ?? 0) === 4 },
    { name: 'setValues per tab', value: perTab.toFixed(2), budget: '1', ok: perTab === 1 },
    { name: 'calls same as with 1 000 deals (widths apart)', value: same ? 'yes' : 'NO', budget: 'yes', ok: same },
    { name: 'spreadsheet I/O calls per tab, widths included', value: ioPerTab.toFixed(1), budget: '≤ 24', ok: ioPerTab <= 24 },
    { name: 'generatePayouts total (built script in node:vm + fake), median of 3', value: `${total.toFixed(0)} ms` },
    { name: 'pipeline alone (runPayouts, in Node, not vm), best of 2', value: `${pipeline.toFixed(0)} ms` },
    { name: 'adapter: readRawWorkbook (fake included)', value: `${read.toFixed(0)} ms` },
    { name: 'adapter: renderTabs, 51 tabs (fake included)', value: `${render.toFixed(0)} ms` },
    { name: 'adapter time (read + render)', value: `${(read + render).toFixed(0)} ms` },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await run()) console.log(f.name.padEnd(50), f.value, f.budget ?? '');
}
