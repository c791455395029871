/**
 * The built add-on (build/Code.js) loaded into node:vm over a fake spreadsheet holding a
 * RawWorkbook's sheets: what every test in test/sheets drives.
 */
import type { CellValue } from '../../src/core/numbers';
import type { RawWorkbook } from '../../src/workbook/raw';
import { appsScriptGlobals, fakeSpreadsheet, type FakeSpreadsheet, type FakeEnvironment } from '../harness/fakeSpreadsheetApp';
import { loadBundle, type LoadedBundle } from '../harness/loadBundle';

export interface SheetsRig {
  ss: FakeSpreadsheet;
  env: FakeEnvironment;
  gas: LoadedBundle;
  inputNames: string[];
}

/** A Date class whose `new Date()` / `Date.now()` is a fixed instant: the script's clock in tests. */
export function fixedClock(now: Date): DateConstructor {
  const t = now.getTime();
  class FixedDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(t);
      else super(...(args as [number]));
    }
    static override now(): number {
      return t;
    }
  }
  return FixedDate as unknown as DateConstructor;
}

export function rig(raw: RawWorkbook, extraSheets: Record<string, CellValue[][]> = {}, opts: { now?: Date } = {}): SheetsRig {
  const sheets: Record<string, unknown[][]> = {};
  for (const s of raw.sheets) sheets[s.name] = s.values;
  Object.assign(sheets, extraSheets);
  const ss = fakeSpreadsheet({ sheets, timeZone: raw.timeZone, locale: raw.locale ?? 'ru_RU' });
  const globals = appsScriptGlobals(ss);
  const gas = loadBundle(opts.now ? { ...globals, Date: fixedClock(opts.now) } : globals);
  return { ss, env: globals.__env, gas, inputNames: raw.sheets.map((s) => s.name) };
}

/** Plain data from the vm realm (JSON round trip), for deep comparisons with Node results. */
export function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Names of the generated tabs (those with our developer metadata), in sheet order. */
export function generatedNames(ss: FakeSpreadsheet): string[] {
  return ss._sheets.filter((s) => s._metadata.some((m) => m._key === 'kpiPayouts.tab')).map((s) => s._name);
}
