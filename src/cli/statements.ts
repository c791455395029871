/**
 * `kpi-payouts … --statements DIR` (SPEC §12): exactly one .xlsx per paid manager holding only
 * their own statement (a fresh workbook: none of the input sheets, no other manager's tab, no link
 * into the master book), printable on A4 landscape, and a PDF beside each when LibreOffice
 * (`soffice`) is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { KpiUserError } from '../core/issues';
import { msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import { periodKey } from '../core/periods';
import type { PipelineResult } from '../workbook/pipeline';
import { privateStatementTabs } from '../workbook/statementMail';
import { renderTabs } from './xlsxWrite';

export interface StatementsOptions {
  cwd: string;
  currency: string;
  lang: Lang;
  env: Record<string, string | undefined>;
  warn: (line: string) => void;
}

/** Characters no file system takes in a name (Windows' set, which covers the others), and control characters. */
const BAD_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** `Волкова Анна 2026-10.xlsx`, unique (case-insensitive) within the run by ` (2)`. */
export function statementFileName(manager: string, period: string, taken: Set<string>): string {
  const base = Array.from(`${manager} ${period}`.replace(BAD_FILE_CHARS, '_').replace(/^[.\s]+|[.\s]+$/g, '') || period).slice(0, 120).join('');
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : ` (${n})`}.xlsx`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** The LibreOffice command, or null when it is not installed: $SOFFICE, else `soffice` on the PATH. */
export function findSoffice(env: Record<string, string | undefined>): string | null {
  const cmd = env.SOFFICE ?? 'soffice';
  const probe = spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return probe.error || probe.status !== 0 ? null : cmd;
}

/**
 * Converts the .xlsx files to PDF beside them with one LibreOffice run, in a profile of its own
 * (a user's open LibreOffice, or another run at the same time, would otherwise swallow the job).
 * Returns the files it could not convert, with the reason.
 */
export function convertToPdf(soffice: string, dir: string, files: string[]): { file: string; reason: string }[] {
  if (files.length === 0) return [];
  const profile = mkdtempSync(join(tmpdir(), 'kpi-soffice-'));
  try {
    const run = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files.map((f) => join(dir, f))],
      { encoding: 'utf8', timeout: 10 * 60_000 },
    );
    return files
      .filter((f) => !existsSync(join(dir, f.replace(/\.xlsx$/, '.pdf'))))
      .map((file) => ({ file, reason: (run.error?.message ?? run.stderr ?? '').trim().split('\n')[0] || `exit code ${run.status}` }));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Writes the statements into `dir` (made when missing) and returns the .xlsx file names, in the
 * run's order of managers.
 */
export async function writeStatements(result: PipelineResult, dir: string, opts: StatementsOptions): Promise<string[]> {
  const out = resolve(opts.cwd, dir);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new KpiUserError(msg(opts.lang, 'cli.cannotWrite', { file: dir, reason: (e as Error).message }));
  }
  const period = periodKey(result.run.period);
  const taken = new Set<string>();
  const files: string[] = [];
  const tabs = privateStatementTabs(result);
  for (let i = 0; i < tabs.length; i++) {
    // the links point into the master book's Deals sheet, which this file does not hold: the row number stays as text
    const tab = { ...tabs[i], links: [] };
    const wb = new ExcelJS.Workbook();
    renderTabs(wb, [tab], { currency: opts.currency, lang: opts.lang });
    const file = statementFileName(result.run.managers[i].manager, period, taken);
    try {
      await writeFile(join(out, file), new Uint8Array(await wb.xlsx.writeBuffer()));
    } catch (e) {
      throw new KpiUserError(msg(opts.lang, 'cli.cannotWrite', { file: join(dir, file), reason: (e as Error).message }));
    }
    files.push(file);
  }
  opts.warn(msg(opts.lang, 'statements.cli.written', { count: files.length, dir }));
  const soffice = files.length > 0 ? findSoffice(opts.env) : null;
  if (files.length > 0 && !soffice) opts.warn(msg(opts.lang, 'statements.cli.noPdf'));
  if (soffice) {
    const failures = convertToPdf(soffice, out, files);
    for (const f of failures) opts.warn(msg(opts.lang, 'statements.cli.pdfFailed', { file: basename(f.file), reason: f.reason }));
    if (failures.length === 0) opts.warn(msg(opts.lang, 'statements.cli.pdf'));
  }
  return files;
}
