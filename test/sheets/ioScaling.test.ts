/**
 * SPEC §9: generating payout tabs makes a number of spreadsheet service calls that does not grow
 * with the number of deals (reads: one getValues per input sheet; writes: a handful per tab).
 */
import { describe, expect, it } from 'vitest';
import { plain, rig } from './setup';
import { scaleWorkbook } from './scaleWorkbook';
import { runPayouts } from '../../src/workbook/pipeline';

function callsFor(deals: number) {
  const raw = scaleWorkbook({ managers: 5, deals });
  const { ss, gas } = rig(raw);
  ss.io.reset();
  const json = plain(gas.call('generatePayouts', '2026-11'));
  // A new tab is 1 000 rows: a longer one grows (insertRowsAfter), a shorter one is trimmed
  // (deleteRows) — one resize call per tab either way.
  const { insertRowsAfter = 0, deleteRows = 0, ...rest } = ss.io.calls;
  const calls: Record<string, number> = { ...rest, resizeRows: insertRowsAfter + deleteRows };
  return { calls, total: ss.io.total, json, raw };
}

describe('service calls do not grow with the number of deals', () => {
  it('1 000 deals and 50 000 deals: the very same calls, method by method', () => {
    const small = callsFor(1000);
    const large = callsFor(50_000);
    // the same calls method by method, but for column widths: statements fit their widths to their
    // content (SPEC §12 printing), so a longer list may change a tab's width runs — never more than
    // one call per column of each of the 6 tabs
    const { setColumnWidth: wideSmall = 0, ...smallRest } = small.calls;
    const { setColumnWidth: wideLarge = 0, ...largeRest } = large.calls;
    expect(largeRest).toEqual(smallRest);
    expect(Math.max(wideSmall, wideLarge)).toBeLessThanOrEqual(6 * 12);
    // reads: one getValues per input sheet (Сделки, Планы, Показатели, Схемы) — the links are formulas, not reads
    expect(small.calls.getValues).toBe(4);
    // writes: one block per tab (5 managers + summary), however many deal rows each tab lists
    expect(small.calls.setValues).toBe(6);
    // the figures are real: 50 000 deals, 5 managers, each the pipeline's own result
    expect(large.json.managers).toHaveLength(5);
    expect(large.json).toEqual(plain(runPayouts(large.raw, { period: '2026-11', today: '2026-12-01' }).json));
  }, 120_000);
});
