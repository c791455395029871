/**
 * Closing a period (SPEC §11): what would be appended to the ledger, and what withholds a payout
 * (closing refuses those unless the owner confirms). Pure: the adapters write the rows.
 */
import type { Issue } from '../issues';
import { KpiUserError } from '../issues';
import { msg } from '../messages/index';
import type { PayoutInput, PayoutOptions, PayoutRun } from '../model';
import { displayName, nameKey } from '../ownership';
import { periodKey, periodStart, type Period } from '../periods';
import { dealIndex, managerFingerprints } from './fingerprints';
import { closedManagerPayout, closingRows, readLedgerRows, type ClosingStamp, type LedgerCells } from './ledger';
import { candidates, computeWithLedger, type LedgerInputs } from './period';

export interface ClosePlan {
  /** The period as it is paid now (open computation). */
  run: PayoutRun;
  /** Issues that withhold a payout in the period: closing needs the owner's confirmation while any exist. */
  blocking: Issue[];
  /** The rows to append to the ledger, chained on its last row. */
  rows: LedgerCells[];
  /** The period as it reads back from those rows: what its statements show from now on. */
  closedRun: PayoutRun;
}

/** Issue codes of the ledger that withhold a manager. */
const WITHHOLDING = new Set(['ledger.untrustedWithheld', 'ledger.linesWithheld']);

/**
 * Plans closing `period`. Throws KpiUserError when it is closed already or a later period is.
 * @param allIssues the reader's and the run's issues (those naming a withheld manager block closing)
 */
export function planClose(
  input: PayoutInput, period: Period, options: PayoutOptions, inputs: LedgerInputs, stamp: ClosingStamp,
  readerIssues: readonly Issue[],
): ClosePlan {
  const { lang } = options;
  const key = periodKey(period);
  const { ledger } = inputs;
  const sheet = ledger.sheet ?? msg(lang, 'ledger.sheetName');
  const done = ledger.periods.get(key);
  if (done) throw new KpiUserError(msg(lang, 'ledger.alreadyClosed', { period: key, at: done.closedAt, sheet }));
  const later = [...ledger.periods.values()].find((c) => periodStart(c.period) > periodStart(period));
  if (later) throw new KpiUserError(msg(lang, 'ledger.laterClosed', { period: key, later: later.key }));

  const run = computeWithLedger(input, period, options, inputs);
  const paid = new Set(run.managers.map((m) => nameKey(m.manager)));
  const withheld = [...candidates(input, period)].filter((k) => !paid.has(k));
  const all = [...readerIssues, ...run.issues];
  const names = withheld.map((k) => displayName(namesOf(input, k) ?? k));
  const blocking = all.filter((i) => WITHHOLDING.has(i.code) || names.some((n) => n !== '' && i.message.includes(n)));
  for (const n of names) {
    if (!blocking.some((i) => i.message.includes(n))) {
      blocking.push({ code: 'ledger.withheld', sheet: input.sheetNames.deals, row: null, column: null, value: n, message: msg(lang, 'ledger.withheld', { manager: n, period: key }) });
    }
  }

  const index = dealIndex(input);
  const fingerprints = new Map(run.managers.map((m) => [nameKey(m.manager), managerFingerprints(m, period, index)]));
  const rows = closingRows(run, fingerprints, stamp, ledger.lastChecksum);
  const back = readLedgerRows(rows.map((cells, i) => ({ row: i + 1, cells })));
  const closed = back.periods.get(key);
  const note = msg(lang, 'ledger.closedNote', { at: stamp.closedAt, by: stamp.closedBy, sheet });
  const managers = closed ? [...closed.managers.values()].map((cm) => ({ ...closedManagerPayout(closed, cm), notes: [note] })) : [];
  const closedRun: PayoutRun = { ...run, managers, closed: { at: stamp.closedAt, by: stamp.closedBy } };
  return { run, blocking, rows, closedRun };
}

/** A manager's name as first written in Plans or Deals (the candidates are keys). */
function namesOf(input: PayoutInput, key: string): string | null {
  for (const p of input.plans) if (nameKey(p.manager) === key) return p.manager;
  for (const d of input.deals) if (nameKey(d.manager) === key) return d.manager;
  return null;
}
