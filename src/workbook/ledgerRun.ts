/**
 * The ledger's part of a run (SPEC §11), between the reader and the renderers: the Ledger and
 * Adjustments sheets read, the period computed against them. Both adapters get it through the
 * pipeline; closing (closeRun.ts) adds the rows to append.
 */
import type { Issue } from '../core/issues';
import { computeWithLedger, type LedgerInputs } from '../core/ledger/period';
import type { PayoutOptions, PayoutRun } from '../core/model';
import { periodKey, type Period } from '../core/periods';
import { registerRows } from '../core/ledger/register';
import type { TabModel } from './tabModel';
import { registerTab } from './registerTab';
import { readAdjustments, readLedger } from './ledgerSheet';
import type { RawWorkbook } from './raw';
import type { WorkbookRead } from './read';

/** The register tab of a closed period (re-rendered with its statements, so a rerun never drops it). */
export function closedRegisterTab(run: PayoutRun, read: WorkbookRead, tabs: readonly Pick<TabModel, 'name'>[]): TabModel {
  const taken = new Set(tabs.map((t) => t.name.toLowerCase()));
  return registerTab(registerRows(run, read.input.managers ?? []), periodKey(run.period), read.lang, taken);
}

/** The ledger inputs of a workbook, and the issues of reading them (the Adjustments sheet's rows). */
export function ledgerInputs(raw: RawWorkbook, read: WorkbookRead): { inputs: LedgerInputs; issues: Issue[] } {
  const ledger = readLedger(raw, read.lang);
  const adj = readAdjustments(raw, read.lang);
  return { inputs: { ledger, adjustments: adj.adjustments }, issues: adj.issues };
}

/** Period P as the ledger makes it; `issues` are the Adjustments sheet's (the run's own, the ledger's included, are in run.issues). */
export function ledgerRun(raw: RawWorkbook, read: WorkbookRead, period: Period, options: PayoutOptions): { run: PayoutRun; issues: Issue[]; inputs: LedgerInputs } {
  const { inputs, issues } = ledgerInputs(raw, read);
  return { run: computeWithLedger(read.input, period, options, inputs), issues, inputs };
}
