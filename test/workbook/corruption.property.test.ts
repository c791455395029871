/**
 * Issue 9's closing property, through the engine pipeline (`runPayouts`): for random clean
 * workbooks and a random single corruption of one cell (a typo in a header, a status, a name, a
 * rate losing its `%`, a metric), either every total is unchanged, or an issue names the corrupted
 * cell (sheet + row, the Schemes cell included), or the run stops with a message — never a changed
 * total without an issue. The counts per class are printed (and recorded in docs/DECISIONS.md).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KpiUserError } from '../../src/core/issues';
import { runPayouts } from '../../src/workbook/pipeline';
import type { RawWorkbook } from '../../src/workbook/raw';
import { cleanSpec, cleanWorkbook, corrupt, corruptionArgs, judge, Tally, type Outcome } from './corruption.fixture';

const REQUEST = { period: '2026-11', today: '2026-12-01' };
/** Lets the test worker answer the runner between cases (a long synchronous run makes its RPC time out on a busy machine). */
const yieldToWorker = () => new Promise<void>((resolve) => setImmediate(resolve));

function totals(wb: RawWorkbook): { totals: Record<string, number>; issues: { sheet: string; row: number | null }[] } | null {
  try {
    const r = runPayouts(wb, REQUEST);
    return { totals: Object.fromEntries(r.json.managers.map((m) => [m.manager, m.total])), issues: r.issues };
  } catch (e) {
    if (e instanceof KpiUserError) return null;
    throw e;
  }
}

describe('a single corrupted cell never changes a total silently', () => {
  it('clean workbooks have no issues, and the arithmetic holds: 30 000 + r % × revenue + 20 000 if revenue ≥ plan, × K', () => {
    fc.assert(
      fc.property(cleanSpec, (spec) => {
        const r = totals(cleanWorkbook(spec))!;
        expect(r.issues).toEqual([]);
        spec.managers.forEach((m, i) => {
          const revenue = spec.deals.filter((d) => d.manager === i && d.won).reduce((s, d) => s + d.amount, 0);
          const k = Math.min(spec.calls[i] / 100, 1.2);
          const variable = Math.round(((revenue * spec.rate) / 100 + (revenue >= spec.plans[i] ? 20000 : 0)) * k * 100) / 100;
          expect(r.totals[m]).toBeCloseTo(30000 + variable, 2);
        });
      }),
      { numRuns: 30, seed: 9 },
    );
  });

  it('random single corruptions: unchanged, an issue on that cell, or a stop — never a silent change', async () => {
    const tally = new Tally();
    const violations: string[] = [];
    await fc.assert(
      fc.asyncProperty(cleanSpec, corruptionArgs, async (spec, args) => {
        await yieldToWorker();
        const clean = totals(cleanWorkbook(spec))!;
        const { wb, corruption } = corrupt(cleanWorkbook(spec), args.kind, args.pick, args.how, args.at);
        const after = totals(wb);
        const outcome: Outcome = judge(clean.totals, after?.totals ?? null, after?.issues ?? null, corruption);
        tally.add(corruption.kind, outcome);
        if (outcome === 'VIOLATION') violations.push(`${corruption.sheet} row ${corruption.row + 1}: «${corruption.before}» → «${corruption.after}»`);
      }),
      { numRuns: 300, seed: 2026 },
    );
    console.log(`corruption property (runPayouts), ${tally.total()} cases:\n${tally.text()}`);
    expect(violations).toEqual([]);
  }, 120_000);
});
