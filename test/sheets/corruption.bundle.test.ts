/**
 * The corruption property (test/workbook/corruption.property.test.ts) on a smaller sample, through
 * the BUILT add-on's `checkData` over the fake spreadsheet: a single corrupted cell leaves every
 * total unchanged, or an issue names that cell, or the run stops with a message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanSpec, cleanWorkbook, corrupt, corruptionArgs, judge, Tally } from '../workbook/corruption.fixture';
import type { RawWorkbook } from '../../src/workbook/raw';
import { plain, rig } from './setup';

function check(wb: RawWorkbook): { totals: Record<string, number>; issues: { sheet: string; row: number | null }[] } | null {
  const { gas } = rig(wb, {}, { now: new Date('2026-12-01T09:00:00Z') });
  try {
    const json = plain(gas.call('checkData', '2026-11')) as { managers: { manager: string; total: number }[]; issues: { sheet: string; row: number | null }[] };
    return { totals: Object.fromEntries(json.managers.map((m) => [m.manager, m.total])), issues: json.issues };
  } catch (e) {
    // A message the user must act on (no Deals column…): nothing paid. A bug would say "unexpected".
    if (!/unexpected|непредвиденн/i.test(String((e as Error)?.message))) return null;
    throw e;
  }
}

describe('a single corrupted cell, through checkData', () => {
  it('never changes a total without an issue on that cell', async () => {
    const tally = new Tally();
    const violations: string[] = [];
    await fc.assert(
      fc.asyncProperty(cleanSpec, corruptionArgs, async (spec, args) => {
        await new Promise<void>((resolve) => setImmediate(resolve)); // let the worker answer the runner between cases
        const clean = check(cleanWorkbook(spec))!;
        expect(clean.issues).toEqual([]);
        const { wb, corruption } = corrupt(cleanWorkbook(spec), args.kind, args.pick, args.how, args.at);
        const after = check(wb);
        const outcome = judge(clean.totals, after?.totals ?? null, after?.issues ?? null, corruption);
        tally.add(corruption.kind, outcome);
        if (outcome === 'VIOLATION') violations.push(`${corruption.sheet} row ${corruption.row + 1}: «${corruption.before}» → «${corruption.after}»`);
      }),
      { numRuns: 40, seed: 10 },
    );
    console.log(`corruption property (checkData, built bundle), ${tally.total()} cases:\n${tally.text()}`);
    expect(violations).toEqual([]);
  }, 120_000);
});
