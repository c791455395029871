/**
 * What both `kpi-payouts` commands (run.ts, simulate.ts) do around their own work: settle the
 * time zone, read the .xlsx into an exceljs Workbook and the RawWorkbook the pipeline reads, and
 * write the generated tabs back with --out. A problem the user must fix is a KpiUserError with a
 * translated message.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { KpiUserError } from '../core/issues';
import { langOfLocale, msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import type { RawWorkbook } from '../workbook/raw';
import type { TabModel } from '../workbook/tabModel';
import { injectCharts } from './xlsxChart';
import { rawWorkbookOf } from './xlsxRead';
import { renderTabs } from './xlsxWrite';

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
}

/**
 * The .xlsx at `workbook` (as the user typed it; messages name it so) as an exceljs Workbook and as
 * a RawWorkbook. A missing or unreadable file is a KpiUserError in `msgLang`.
 */
export async function loadWorkbookFile(workbook: string, opts: LoadWorkbookOptions, msgLang: Lang): Promise<{ wb: ExcelJS.Workbook; raw: RawWorkbook }> {
  const file = resolve(opts.cwd, workbook);
  if (!existsSync(file) || !statSync(file).isFile()) throw new KpiUserError(msg(msgLang, 'cli.fileMissing', { file: workbook }));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  } catch (e) {
    throw new KpiUserError(msg(msgLang, 'cli.fileUnreadable', { file: workbook, reason: oneLine(e) }));
  }
  const locale = opts.lang ? (opts.lang === 'ru' ? 'ru_RU' : 'en') : null;
  const raw = rawWorkbookOf(wb, { timeZone: opts.timeZone, locale, currency: opts.currency });
  return { wb, raw };
}

/**
 * Renders `tabs` into the loaded workbook and writes it to `out` (relative to `cwd`), charts
 * injected; a chart that cannot be made is a warning on stderr, never a lost file.
 */
export async function saveWorkbookFile(
  wb: ExcelJS.Workbook,
  tabs: TabModel[],
  out: string,
  ctx: { cwd: string; currency: string; lang: Lang; warn: (line: string) => void; beforeWrite?: (sheetNames: string[]) => void },
): Promise<void> {
  const { sheetNames, charts } = renderTabs(wb, tabs, { currency: ctx.currency, lang: ctx.lang });
  ctx.beforeWrite?.(sheetNames);
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  try {
    bytes = await injectCharts(bytes, sheetNames, charts);
  } catch (e) {
    ctx.warn(msg(ctx.lang, 'cli.chartSkipped', { reason: oneLine(e) }));
  }
  try {
    await writeFile(resolve(ctx.cwd, out), bytes);
  } catch (e) {
    throw new KpiUserError(msg(ctx.lang, 'cli.cannotWrite', { file: out, reason: oneLine(e) }));
  }
  ctx.warn(msg(ctx.lang, 'cli.written', { file: out, tabs: tabs.length }));
}
