/**
 * *Send statements…* (SPEC §12), the part that decides: each paid manager's private statement, who
 * gets an e-mail now, who is skipped and why (no address, several addresses, unchanged since the
 * last send, the daily quota), and which sends are corrections. Pure: the Apps Script adapter
 * (src/sheets/statementsServer.ts) reads the Sent log and the quota, sends, and appends the log.
 */
import { msg } from '../core/messages/index';
import { formatMoney } from '../core/money';
import type { Lang } from '../core/money';
import { nameKey } from '../core/ownership';
import { inPeriod, periodKey, samePeriod } from '../core/periods';
import { managerDirectory } from './managerDirectory';
import type { PipelineResult } from './pipeline';
import { statementFingerprint, statementHtml } from './statementHtml';
import type { TabModel } from './tabModel';
import { payoutTabs } from './tabs';

/** One row of the Sent / Рассылка sheet. */
export interface SentEntry {
  period: string;
  manager: string;
  email: string;
  sentAt: string;
  fingerprint: string;
}

export interface StatementMail {
  manager: string;
  email: string;
  subject: string;
  /** The plain-text body (for mail programs that show no HTML). */
  text: string;
  html: string;
  fingerprint: string;
  /** A statement sent before for this period whose figures changed since. */
  corrected: boolean;
}

export interface SendPlan {
  period: string;
  /** Who gets an e-mail now, in the run's order. */
  recipients: { manager: string; email: string }[];
  skipped: { manager: string; reason: string }[];
  mails: StatementMail[];
}

/**
 * Each paid manager's statement for their eyes only, in the run's order: the same tab as the
 * master book's, but a deal behind it that a colleague closed does not name the colleague.
 */
export function privateStatementTabs(result: Pick<PipelineResult, 'run' | 'tabsContext'>): TabModel[] {
  const tabs = payoutTabs(result.run, [], { ...result.tabsContext, privateStatement: true }).filter((t) => t.kind === 'manager');
  if (tabs.length !== result.run.managers.length) throw new Error('privateStatementTabs: one tab per paid manager expected');
  return tabs;
}

/** The last send of each (period, manager) in the log. */
function lastSends(log: readonly SentEntry[]): Map<string, SentEntry> {
  const out = new Map<string, SentEntry>();
  for (const e of log) out.set(`${e.period}\u0000${nameKey(e.manager)}`, e);
  return out;
}

/**
 * What *Send statements…* does for the period of `result` with `quota` e-mails left today.
 * @example planStatementMails(runPayouts(raw, { period: '2026-10', today }), [], 100).recipients
 */
export function planStatementMails(result: PipelineResult, log: readonly SentEntry[], quota: number): SendPlan {
  const { run, read } = result;
  const lang: Lang = read.lang;
  const period = periodKey(run.period);
  const directory = managerDirectory(read);
  const tabs = privateStatementTabs(result);
  const sent = lastSends(log);
  const plan: SendPlan = { period, recipients: [], skipped: [], mails: [] };
  let left = Math.max(0, Math.floor(quota));

  run.managers.forEach((m, i) => {
    const emails = directory.emailsOf(m.manager);
    if (emails.length === 0) return plan.skipped.push({ manager: m.manager, reason: msg(lang, 'statements.skip.noAddress') });
    if (emails.length > 1) {
      return plan.skipped.push({ manager: m.manager, reason: msg(lang, 'statements.skip.severalAddresses', { emails: emails.join(', ') }) });
    }
    const email = emails[0];
    const tab = tabs[i];
    const print = statementFingerprint(tab, lang);
    const before = sent.get(`${period}\u0000${nameKey(m.manager)}`);
    if (before && before.fingerprint === print && before.email === email) {
      return plan.skipped.push({ manager: m.manager, reason: msg(lang, 'statements.skip.unchanged', { sentAt: before.sentAt }) });
    }
    if (left === 0) return plan.skipped.push({ manager: m.manager, reason: msg(lang, 'statements.skip.quota') });
    left -= 1;
    // a correction only when this manager was sent a different statement for the period before
    const corrected = before !== undefined && before.fingerprint !== print;
    const subject = msg(lang, corrected ? 'statements.subjectCorrected' : 'statements.subject', { period, manager: m.manager });
    const html = statementHtml(tab, { lang, currency: read.currency, manager: m.manager, period, correctedSince: corrected ? before.sentAt : null });
    const text = [
      ...(corrected ? [msg(lang, 'statements.correctedNote', { sentAt: before.sentAt })] : []),
      msg(lang, 'statements.textBody', { period, total: formatMoney(m.total, lang, read.currency) }),
    ].join('\n\n');
    plan.recipients.push({ manager: m.manager, email });
    plan.mails.push({ manager: m.manager, email, subject, text, html, fingerprint: print, corrected });
  });

  // who worked in the period but has no statement (withheld: an invalid scheme, a missing plan row…)
  const paid = new Set(run.managers.map((m) => nameKey(m.manager)));
  const unpaid = new Map<string, string>();
  for (const p of read.input.plans) if (samePeriod(p.period, run.period) && !paid.has(nameKey(p.manager))) unpaid.set(nameKey(p.manager), p.manager);
  for (const d of read.input.deals) if (inPeriod(d.date, run.period) && !paid.has(nameKey(d.manager)) && !unpaid.has(nameKey(d.manager))) unpaid.set(nameKey(d.manager), d.manager);
  for (const manager of unpaid.values()) plan.skipped.push({ manager, reason: msg(lang, 'statements.skip.noStatement') });
  return plan;
}

/** The Sent sheet's columns, in order. */
export const SENT_LOG_COLUMNS = ['period', 'manager', 'email', 'sentAt', 'fingerprint', 'corrected'] as const;

export function sentLogHeader(lang: Lang): string[] {
  return [
    msg(lang, 'statements.log.period'), msg(lang, 'statements.log.manager'), msg(lang, 'statements.log.email'),
    msg(lang, 'statements.log.sentAt'), msg(lang, 'statements.log.fingerprint'), msg(lang, 'statements.log.corrected'),
  ];
}

export function sentLogRow(mail: StatementMail, period: string, sentAt: string, lang: Lang): string[] {
  return [period, mail.manager, mail.email, sentAt, mail.fingerprint, mail.corrected ? msg(lang, 'statements.log.yes') : ''];
}

/**
 * The Sent sheet's rows (the header row first, as the add-on writes it) as log entries; rows with a
 * blank period, manager or fingerprint are not sends and are left out.
 */
export function parseSentLog(values: readonly (readonly unknown[])[]): SentEntry[] {
  const out: SentEntry[] = [];
  for (const row of values.slice(1)) {
    const text = (i: number) => String(row[i] ?? '').trim();
    const entry: SentEntry = { period: text(0), manager: text(1), email: text(2).toLowerCase(), sentAt: text(3), fingerprint: text(4) };
    if (entry.period === '' || entry.manager === '' || entry.fingerprint === '') continue;
    out.push(entry);
  }
  return out;
}
