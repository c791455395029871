/**
 * The built custom functions hosted in a real formula engine (HyperFormula, GPL-3.0): ranges,
 * blanks, spills and recomputation as a spreadsheet does them. Each plugin method hands its
 * arguments to the vm global of build/Code.js, as Sheets hands them to the script.
 */
import {
  ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue,
} from 'hyperformula';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type LoadedBundle } from '../harness/loadBundle';

let gas: LoadedBundle;

/** Argument positions that are ranges of cells to map over (not a two-column tier table), per function. */
const FUNCTIONS: Record<string, { params: number; elementwise: number[]; tierArg?: number; width?: number }> = {
  KPI_COMMISSION: { params: 4, elementwise: [0, 1, 2, 3], tierArg: 1 },
  KPI_TIER: { params: 3, elementwise: [0, 1, 2], tierArg: 1 },
  KPI_NEXT_TIER: { params: 4, elementwise: [0, 1, 2, 3], tierArg: 1, width: 2 },
  KPI_INDEX: { params: 4, elementwise: [] },
  UNIT_MARGIN: { params: 5, elementwise: [0, 1, 2, 3, 4] },
  UNIT_MARGIN_PCT: { params: 3, elementwise: [0, 1, 2] },
  UNIT_BREAKEVEN: { params: 4, elementwise: [0, 1, 2, 3] },
};

/** A HyperFormula value as Sheets would pass it: EmptyValue → "", rich numbers (percent, currency) → their number. */
function sheetsValue(v: unknown): unknown {
  if (v === EmptyValue) return '';
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(sheetsValue));
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: unknown }).val;
  return v;
}

class KpiPayoutsPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(Object.entries(FUNCTIONS).map(([name, f]) => [name, {
    method: 'run',
    sizeOfResultArrayMethod: 'size',
    parameters: Array.from({ length: f.params }, (_, i) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: i >= 2 })),
  }]));

  run(ast: any, state: any) {
    const name: string = ast.procedureName;
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
      let last = args.length;
      while (last > 0 && args[last - 1] === undefined) last--;
      try {
        const out = gas.call(name, ...args.slice(0, last).map(sheetsValue));
        return Array.isArray(out) ? SimpleRangeValue.onlyValues(out) : out;
      } catch (e) {
        return new CellError(ErrorType.ERROR, (e as Error).message);
      }
    });
  }

  /** The spill size: the shape of the ranges mapped over (× 2 columns for KPI_NEXT_TIER). */
  size(ast: any, state: any) {
    const f = FUNCTIONS[ast.procedureName];
    let width = 1;
    let height = 1;
    ast.args.forEach((arg: any, i: number) => {
      if (!f.elementwise.includes(i)) return;
      const size = this.arraySizeForAst(arg, state);
      if (i === f.tierArg && size.width === 2) return; // a tier table is one argument
      width = Math.max(width, size.width);
      height = Math.max(height, size.height);
    });
    return new ArraySize(width * (f.width ?? 1), height);
  }
}

beforeAll(() => {
  gas = loadBundle();
  HyperFormula.registerFunctionPlugin(KpiPayoutsPlugin, { enGB: Object.fromEntries(Object.keys(FUNCTIONS).map((n) => [n, n])) });
});
afterAll(() => {
  HyperFormula.unregisterFunctionPlugin(KpiPayoutsPlugin);
});

const at = (hf: HyperFormula, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
const column = (hf: HyperFormula, col: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => at(hf, `${col}${from + i}`));

describe('custom functions in a formula engine', () => {
  // Deals of one manager, a plan in C2; D2 spills the commission for every row.
  const sheet = () => [
    ['Deal', 'Amount', 'Plan', 'Commission'],
    ['A', 400000, 1000000, '=KPI_COMMISSION(B2:B9, "0:3%; 100%:5%", C2)'],
    ['B', '1 250 000,50'],
    ['C', null],
    ['D', 1000000],
    ['E', -50000],
    ['F', 999999.99],
    ['G', '12,5'],
    ['H', 0],
  ];

  it('=KPI_COMMISSION(B2:B9, "0:3%; 100%:5%", C2) spills one commission per row, blanks blank', () => {
    const hf = HyperFormula.buildFromArray(sheet(), { licenseKey: 'gpl-v3' });
    // 400 000 / 1 000 000 = 40 % → 3 % = 12 000; 1 250 000,50 = 125 % → 5 % = 62 500.025 → 62 500.03;
    // blank → blank; 1 000 000 = 100 % → 5 % = 50 000; −50 000 < 0 % → 0; 999 999.99 < 100 % → 3 % = 29 999.9997 → 30 000.00;
    // 12,5 → 3 % = 0.375 → 0.38; 0 → 0
    expect(column(hf, 'D', 2, 9)).toEqual([12000, 62500.03, '', 50000, 0, 30000, 0.38, 0]);
    hf.destroy();
  });

  it('recomputes when an input changes', () => {
    const hf = HyperFormula.buildFromArray(sheet(), { licenseKey: 'gpl-v3' });
    hf.setCellContents(hf.simpleCellAddressFromString('C2', 0)!, [[2000000]]);
    // with a 2 000 000 plan 1 250 000,50 is 62.5 % → 3 % = 37 500.015 → 37 500.02
    expect(at(hf, 'D3')).toBe(37500.02);
    hf.setCellContents(hf.simpleCellAddressFromString('B4', 0)!, [[100000]]);
    expect(at(hf, 'D4')).toBe(3000); // 100 000 × 3 %
    hf.destroy();
  });

  it('=UNIT_MARGIN(C2:C3, D2:D3) and a scalar that broadcasts', () => {
    const hf = HyperFormula.buildFromArray([
      ['', 'Product', 'Price', 'Cost', 'Margin', 'With 5 % and ×10'],
      ['', 'P1', 1000, 600, '=UNIT_MARGIN(C2:C3, D2:D3)', '=UNIT_MARGIN(C2:C3, D2:D3, 10, 5%)'],
      ['', 'P2', 250, 100],
    ], { licenseKey: 'gpl-v3' });
    // 1000 − 600 = 400; 250 − 100 = 150; 10 × (1000 − 600 − 50) = 3500; 10 × (250 − 100 − 12.5) = 1375
    expect(column(hf, 'E', 2, 3)).toEqual([400, 150]);
    expect(column(hf, 'F', 2, 3)).toEqual([3500, 1375]);
    hf.destroy();
  });

  it('KPI_NEXT_TIER spills n×2 with a tier table range as one argument', () => {
    const hf = HyperFormula.buildFromArray([
      ['Base', 'Threshold', 'Rate', 'More base', 'More commission'],
      [1100000, 0, 0.03, '=KPI_NEXT_TIER(A2:A3, B2:C4, 1000000)'],
      [1300000, 1, 0.05],
      [null, 1.2, 0.07],
    ], { licenseKey: 'gpl-v3' });
    // 110 % → 120 %: 100 000 more; 1 200 000 × 7 % − 1 100 000 × 5 % = 84 000 − 55 000 = 29 000; 130 % is the top tier
    expect([[at(hf, 'D2'), at(hf, 'E2')], [at(hf, 'D3'), at(hf, 'E3')]]).toEqual([[100000, 29000], ['', '']]);
    hf.destroy();
  });

  it('KPI_INDEX over ranges, and an error names function, argument and cell', () => {
    const hf = HyperFormula.buildFromArray([
      ['Fact', 'Target', 'Weight', 'K', 'Bad'],
      [90, 100, 0.6, '=KPI_INDEX(A2:A3, B2:B3, C2:C3)', '=KPI_COMMISSION(A2:A4, 5%)'],
      [150, 100, 0.4],
      ['abc'],
    ], { licenseKey: 'gpl-v3' });
    expect(at(hf, 'D2')).toBe(1.02); // 0.6 × 0.9 + 0.4 × 1.2
    const bad = at(hf, 'E2') as { message?: string };
    expect(bad.message).toBe('KPI_COMMISSION: base, row 3: "abc" is not a number');
    hf.destroy();
  });
});
