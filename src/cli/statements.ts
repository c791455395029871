/**
 * `kpi-payouts … --statements DIR` (SPEC §12): exactly one .xlsx per paid manager holding only
 * their own statement (a fresh workbook: none of the input sheets, no other manager's tab, no link
 * into the master book), printable on A4 landscape, and a PDF beside each when LibreOffice
 * (`soffice`) is installed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { basename, delimiter, join, resolve } from 'node:path';
import { KpiUserError } from '../core/issues';
import { msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import { periodKey } from '../core/periods';
import type { PipelineResult } from '../workbook/pipeline';
import { privateStatementTabs } from '../workbook/statementMail';
import { emptyPackage, writeWorkbook } from './xlsxWrite';

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

/**
 * The LibreOffice command, or null when it is not installed: $SOFFICE, else `soffice` on the PATH.
 * Looked up, not run: starting LibreOffice only to ask its version can take a minute on a busy machine.
 */
export function findSoffice(env: Record<string, string | undefined>): string | null {
  if (env.SOFFICE) return existsSync(env.SOFFICE) ? env.SOFFICE : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice']) {
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        if (statSync(file).isFile()) return file;
      } catch {
        // not here: the next directory of the PATH
      }
    }
  }
  return null;
}

/**
 * Converts the .xlsx files in `dir` to PDF beside them with one LibreOffice run, in a profile of
 * its own (a user's open LibreOffice, or another run at the same time, would otherwise swallow the
 * job) and under ASCII names (LibreOffice cannot open a Cyrillic file name when the process locale
 * is not UTF-8). Returns the files it could not convert, with the reason.
 */
export function convertToPdf(soffice: string, dir: string, files: string[]): { file: string; reason: string }[] {
  if (files.length === 0) return [];
  const work = mkdtempSync(join(tmpdir(), 'kpi-soffice-'));
  try {
    const profile = join(work, 'profile');
    const names = files.map((_, i) => `statement-${i + 1}`);
    files.forEach((f, i) => copyFileSync(join(dir, f), join(work, `${names[i]}.xlsx`)));
    const run = spawnSync(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...names.map((n) => join(work, `${n}.xlsx`))],
      { encoding: 'utf8', timeout: 10 * 60_000 },
    );
    const failed: { file: string; reason: string }[] = [];
    files.forEach((f, i) => {
      const pdf = join(work, `${names[i]}.pdf`);
      if (existsSync(pdf)) copyFileSync(pdf, join(dir, f.replace(/\.xlsx$/, '.pdf')));
      else failed.push({ file: f, reason: (run.error?.message ?? run.stderr ?? '').trim().split('\n').pop() || `exit code ${run.status}` });
    });
    return failed;
  } finally {
    rmSync(work, { recursive: true, force: true });
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
    // a fresh package each time: the file holds this one sheet, and no other manager's name in any part
    const { bytes } = writeWorkbook(emptyPackage(), [tab], { currency: opts.currency, lang: opts.lang });
    const file = statementFileName(result.run.managers[i].manager, period, taken);
    try {
      await writeFile(join(out, file), new Uint8Array(bytes));
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
