/**
 * What both `kpi-payouts` commands (run.ts, simulate.ts) do around their own work: settle the
 * time zone, open the .xlsx package and the RawWorkbook the pipeline reads (sheets scanned as the
 * reader asks for them), and write the generated tabs into the package with --out. A problem the user must fix is a KpiUserError with a
 * translated message.
 */
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KpiUserError } from '../core/issues';
import { langOfLocale, msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import type { RawWorkbook } from '../workbook/raw';
import { dateOrderOfLocale, type DateOrder } from '../core/dateOrder';
import type { TabModel } from '../workbook/tabModel';
import type { TabSequence } from '../workbook/pipeline';
import { assertWorkbookFile } from './fileType';
import { openPackage, type XlsxPackage } from './xlsxPackage';
import { rawWorkbookOfPackage } from './xlsxRead';
import { writeWorkbook, type SheetAppend } from './xlsxWrite';

/** Default time zone of an .xlsx: the TZ environment variable when set, else Europe/Moscow (the users' home zone). */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** An error (or anything thrown) as one line of text. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** The language of messages until the workbook says otherwise: $KPI_LANG, else the locale variables. */
export function envLang(env: Record<string, string | undefined>): Lang {
  return langOfLocale(env.KPI_LANG ?? env.LC_ALL ?? env.LANG ?? '');
}

/**
 * A command's failure as its exit code, with one line on stderr (never a stack): a problem the
 * user must fix (KpiUserError) is 2, anything unexpected is 1.
 */
export function failed(e: unknown, lang: Lang, stderr: (text: string) => void): number {
  if (e instanceof KpiUserError || (e as Error)?.name === 'KpiUserError') {
    stderr(oneLine(e) + '\n');
    return 2;
  }
  stderr(msg(lang, 'cli.unexpected', { reason: oneLine(e) }) + '\n');
  return 1;
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The time zone to read the workbook in: --tz, else $TZ, else DEFAULT_TIME_ZONE; an unknown zone is the user's to fix. */
export function timeZoneOf(option: string | null, env: Record<string, string | undefined>, lang: Lang): string {
  const tz = option ?? env.TZ ?? DEFAULT_TIME_ZONE;
  if (!validTimeZone(tz)) throw new KpiUserError(msg(lang, 'cli.badTimeZone', { value: tz }));
  return tz;
}

export interface LoadWorkbookOptions {
  /** The directory `workbook` is relative to. */
  cwd: string;
  timeZone: string;
  /** --lang: sets the workbook's locale (else guessed from its text). */
  lang: Lang | null;
  /** --currency (else derived from the locale). */
  currency: string | null;
  /** --date-order (else from the workbook's own language, whatever --lang says: day first for a Russian one, else not known). */
  dateOrder?: DateOrder | null;
  /** Share of a sheet scanned (the progress bar). */
  progress?: (fraction: number) => void;
}

/**
 * The .xlsx at `workbook` (as the user typed it; messages name it so) as an opened package and as
 * a RawWorkbook. A missing or unreadable file is a KpiUserError in `msgLang`.
 */
export async function loadWorkbookFile(workbook: string, opts: LoadWorkbookOptions, msgLang: Lang): Promise<{ pkg: XlsxPackage; raw: RawWorkbook }> {
  const file = resolve(opts.cwd, workbook);
  if (!existsSync(file)) throw new KpiUserError(msg(msgLang, 'cli.fileMissing', { file: workbook }));
  assertWorkbookFile(file, workbook, msgLang);
  let pkg: XlsxPackage;
  try {
    pkg = openPackage(await readFile(file));
  } catch {
    // It is a zip with a workbook part, yet it cannot be opened: damaged. A library's message helps nobody.
    throw new KpiUserError(msg(msgLang, 'reading.file.damaged', { file: workbook }));
  }
  // The workbook's own language (guessed from sheet names and first rows) says how its `03/04/2026`
  // and its text `30,000` read; `--lang` is the language of the messages only: `--lang en` on a
  // Russian workbook still reads day first, and `30,000` as 30 (docs/DECISIONS.md: slash dates;
  // --lang and text numbers).
  const raw = rawWorkbookOfPackage(pkg, { timeZone: opts.timeZone, locale: null, currency: opts.currency, ...(opts.progress ? { progress: opts.progress } : {}) });
  const own = raw.locale;
  raw.dateOrder = opts.dateOrder || dateOrderOfLocale(own);
  if (opts.lang) {
    raw.locale = opts.lang === 'ru' ? 'ru_RU' : 'en';
    raw.numberLang = langOfLocale(own);
  }
  return { pkg, raw };
}

/** Writes a file piece by piece (a million-row package is never copied into one buffer). */
async function writeChunks(file: string, chunks: Uint8Array[]): Promise<void> {
  const fh = await open(file, 'w');
  try {
    for (const chunk of chunks) {
      for (let at = 0; at < chunk.length; ) at += (await fh.write(chunk, at)).bytesWritten;
    }
  } finally {
    await fh.close();
  }
}

/**
 * Writes `tabs` into the loaded package (see xlsxWrite.ts) and saves it to `out` (relative to
 * `cwd`); `protect` protects the tabs (a closed period's), `append` adds rows to input sheets (the ledger).
 */
export async function saveWorkbookFile(
  pkg: XlsxPackage,
  tabs: readonly TabModel[] | TabSequence,
  out: string,
  ctx: { cwd: string; currency: string; lang: Lang; warn: (line: string) => void; protect?: boolean; append?: SheetAppend[] },
): Promise<void> {
  const { chunks, sheetNames } = writeWorkbook(pkg, tabs, { currency: ctx.currency, lang: ctx.lang, protect: ctx.protect === true, append: ctx.append ?? [] });
  try {
    await writeChunks(resolve(ctx.cwd, out), chunks);
  } catch (e) {
    throw new KpiUserError(msg(ctx.lang, 'cli.cannotWrite', { file: out, reason: oneLine(e) }));
  }
  ctx.warn(msg(ctx.lang, 'cli.written', { file: out, tabs: sheetNames.length }));
}
