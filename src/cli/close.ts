/**
 * `kpi-payouts WB.xlsx --period P --close --out WB-closed.xlsx [--confirm] [--register FILE.csv]`
 * (SPEC §11): the ledger rows appended to the Ledger sheet of the output workbook (earlier rows
 * untouched), the period's statements and the register written and protected, the input never
 * overwritten. Written through the package writer (xlsxWrite.ts): the user's parts stay as stored. Refuses while issues withhold a payout, unless --confirm.
 */
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { KpiUserError } from '../core/issues';
import { registerCsv, registerRows } from '../core/ledger/register';
import { msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import type { PayoutRun } from '../core/model';
import { closeJson, planClosing } from '../workbook/closeRun';
import type { RawWorkbook } from '../workbook/raw';
import type { WorkbookRead } from '../workbook/read';
import type { CliArgs } from './args';
import { saveWorkbookFile } from './load';
import type { XlsxPackage } from './xlsxPackage';
import type { CliIO } from './run';

function closedBy(io: CliIO): string {
  const env = io.env.USER ?? io.env.USERNAME;
  if (env) return env;
  try {
    return userInfo().username;
  } catch {
    return 'kpi-payouts';
  }
}

/** --register FILE.csv: the run's register (UTF-8 with BOM, `;`, decimal comma in ru). */
export async function writeRegister(file: string, run: PayoutRun, read: WorkbookRead, io: CliIO): Promise<void> {
  const rows = registerRows(run, read.input.managers ?? []);
  try {
    await writeFile(resolve(io.cwd, file), registerCsv(rows, read.lang), 'utf8');
  } catch (e) {
    throw new KpiUserError(msg(read.lang, 'cli.cannotWrite', { file, reason: (e as Error).message }));
  }
  io.stderr(msg(read.lang, 'ledger.cli.registerWritten', { file, rows: rows.length }) + '\n');
}

export async function runClose(
  args: CliArgs,
  ctx: { pkg: XlsxPackage; raw: RawWorkbook; today: string; generatedAt: string; io: CliIO },
): Promise<number> {
  const { pkg, raw, today, generatedAt, io } = ctx;
  const plan = planClosing(raw, { period: args.period, today, generatedAt, closedAt: generatedAt, closedBy: closedBy(io) });
  const lang: Lang = plan.result.read.lang;
  if (!args.out) throw new KpiUserError(msg(lang, 'ledger.cli.closeNeedsOut'));
  if (resolve(io.cwd, args.out) === resolve(io.cwd, args.workbook)) throw new KpiUserError(msg(lang, 'ledger.cli.outIsInput', { file: args.out }));
  const period = plan.result.json.period;
  if (plan.blocking.length > 0 && !args.confirm) {
    io.stderr(msg(lang, 'ledger.cli.blockingList') + '\n');
    for (const i of plan.blocking) io.stderr(`  ${i.sheet}${i.row !== null ? ` ${i.row}` : ''}: ${i.message}\n`);
    if (args.json) io.stdout(JSON.stringify(closeJson(plan, false), null, 2) + '\n');
    throw new KpiUserError(msg(lang, 'ledger.blocked', { period, count: plan.blocking.length, how: msg(lang, 'ledger.cli.confirmHow') }));
  }
  // The ledger rows go below the Ledger sheet's last row (earlier rows kept byte for byte); the
  // period's tabs are protected (xlsxWrite.ts).
  await saveWorkbookFile(pkg, plan.result.tabs, args.out, {
    cwd: io.cwd, currency: plan.result.read.currency, lang, warn: (line) => io.stderr(line + '\n'),
    protect: true, append: [plan.append],
  });
  if (args.register) await writeRegister(args.register, plan.result.run, plan.result.read, io);
  io.stderr(msg(lang, 'ledger.cli.closed', { period, rows: plan.append.rows.length, sheet: plan.append.sheet, file: args.out }) + '\n');
  if (args.json) io.stdout(JSON.stringify(closeJson(plan, true), null, 2) + '\n');
  else io.stdout(JSON.stringify({ period, closed: true, managers: plan.result.json.managers.length }) + '\n');
  return 0;
}
