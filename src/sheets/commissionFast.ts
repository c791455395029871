/**
 * KPI_COMMISSION's whole-kopeck way through a column (issue 11, SPEC §9: a cold call over 10 000
 * rows ≤ 60 ms). A row whose base is a whole number of kopecks, with a plain number plan, is paid
 * in integers (core/kopeckMath.ts); every other row — a blank, text it does not read, a value
 * that would be an error, a table it cannot make exact — goes the ordinary way, which reads,
 * checks and fails as always. Both give the same number to the kopeck
 * (test/core/kopeckMath.test.ts, test/bundle/commissionFast.test.ts).
 */
import type { Dec } from '../core/decimal';
import { commissionKopecks, kopeckTable, kopecksOfCell, type KopeckTable } from '../core/kopeckMath';
import { parseNumber, type CellValue } from '../core/numbers';
import { tiersAtPlan, type TierMode } from '../core/tiers';
import { IMPLAUSIBLE_KOPECKS, type FastCells, type ReadRateOrTiers } from './functionAdapter';

/** What planArg accepts without a message: a plain number above zero and below 10¹² (the ordinary reader handles the rest). */
const isPlainPlan = (v: CellValue): v is number => typeof v === 'number' && v > 0 && v < 1e12;

export const commissionFast: FastCells = (args) => {
  const bases = args.range('base');
  const rate = args.single('rate_or_tiers') as ReadRateOrTiers | undefined;
  const mode = args.single('mode') as TierMode | undefined;
  // A range of rates or of modes, or a base that is a single value: the ordinary way.
  if (!bases || rate === undefined || mode === undefined) return null;
  const plans = args.range('plan');
  const singlePlan = plans ? null : (args.single('plan') as Dec | null);
  // With a plan, thresholds that read two ways are an error (checkAttainmentThresholds): the ordinary way says so.
  if (rate.twoWayThresholds !== undefined && (plans || singlePlan !== null)) return null;

  /** The table for a plan, as integers (null: none exact); the last one is kept, as a column repeats its plan. */
  const tableFor = (plan: Dec | null) => kopeckTable(tiersAtPlan(rate, plan), mode);
  let lastPlan: CellValue = undefined;
  let table: KopeckTable | null = plans ? null : tableFor(singlePlan);
  if (!plans && table === null) return null;

  return (row, column) => {
    const base = kopecksOfCell(bases[row][column]);
    if (base === null || !(base < IMPLAUSIBLE_KOPECKS && base > -IMPLAUSIBLE_KOPECKS)) return undefined;
    if (plans) {
      const plan = plans[row][column];
      if (plan !== lastPlan) {
        if (!isPlainPlan(plan)) return undefined;
        const parsed = parseNumber(plan);
        table = parsed.kind === 'number' ? tableFor(parsed.value) : null;
        lastPlan = plan;
      }
    }
    const k = table === null ? null : commissionKopecks(base, table);
    return k === null ? undefined : k / 100 || 0; // `|| 0`: a tiny negative rounded away is a plain 0, as money() makes it
  };
};
