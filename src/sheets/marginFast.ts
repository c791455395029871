/**
 * UNIT_MARGIN's whole-kopeck way through a column (issue 11), as commissionFast.ts does for
 * KPI_COMMISSION: a row whose price, cost and fixed costs are whole kopecks, whose quantity is a
 * whole number (or a single value with up to six decimals) and whose rate is a single value is
 * computed in integers (core/kopeckMath.ts); every other row goes the ordinary way, which reads,
 * checks and fails as always. Same number to the kopeck (test/bundle/marginFast.test.ts).
 */
import type { Dec } from '../core/decimal';
import { exactKopecks, kopecksOfCell, scaledOf, unitMarginKopecks, type Kopecks, type Scaled } from '../core/kopeckMath';
import type { CellValue } from '../core/numbers';
import { IMPLAUSIBLE_KOPECKS, type FastCells } from './functionAdapter';

/** An amount of a row: the single value's kopecks, or the range cell's when it is whole kopecks below 10¹²; null: the ordinary way. */
type AmountAt = (row: number, column: number) => Kopecks | null;

function amountAt(cells: CellValue[][] | null, single: unknown): AmountAt | null {
  if (cells) {
    return (row, column) => {
      const k = kopecksOfCell(cells[row][column]);
      return k !== null && k < IMPLAUSIBLE_KOPECKS && k > -IMPLAUSIBLE_KOPECKS ? k : null;
    };
  }
  const k = exactKopecks(single as Dec);
  return k === null ? null : () => k;
}

/** A whole number of units in a range cell (the ordinary way reads any other). */
const WHOLE_UNITS = 2 ** 31;

export const marginFast: FastCells = (args) => {
  const rate = args.single('variable_rate') as Dec | undefined;
  const quantitySingle = args.single('quantity') as Dec | undefined;
  const quantities = args.range('quantity');
  if (rate === undefined) return null; // a range of rates: the ordinary way
  const rateScaled = scaledOf(rate);
  const quantityScaled: Scaled | null = quantities ? null : scaledOf(quantitySingle as Dec);
  const price = amountAt(args.range('price'), args.single('price'));
  const cost = amountAt(args.range('cost'), args.single('cost'));
  const fixed = amountAt(args.range('fixed_costs'), args.single('fixed_costs'));
  if (rateScaled === null || price === null || cost === null || fixed === null || (!quantities && quantityScaled === null)) return null;
  const units: Scaled = { numerator: 0, decimals: 0 };

  return (row, column) => {
    // Read in argument order, as the ordinary way does; any row it cannot take is handed over whole.
    const p = price(row, column);
    if (p === null) return undefined;
    const c = cost(row, column);
    if (c === null) return undefined;
    let q = quantityScaled;
    if (quantities) {
      const v = quantities[row][column];
      if (typeof v !== 'number' || !(v === Math.floor(v) && v < WHOLE_UNITS && v > -WHOLE_UNITS)) return undefined;
      units.numerator = v === 0 ? 0 : v;
      q = units;
    }
    const f = fixed(row, column);
    if (f === null) return undefined;
    const k = unitMarginKopecks(p, c, q!, rateScaled, f);
    return k === null ? undefined : k / 100 || 0;
  };
};
