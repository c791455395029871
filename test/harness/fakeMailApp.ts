/**
 * A strict fake of Apps Script's MailApp: it records every message and enforces the daily recipient
 * quota — 100 recipients a day for consumer (gmail.com) accounts, 1 500 for Workspace
 * (APPS_SCRIPT_NOTES.md, "Limits that lose data when ignored"). Past the quota sendEmail throws
 * as Apps Script does, and an address that is not one throws "Invalid email".
 *
 *   const mail = new FakeMailApp(io);          // appsScriptGlobals wires one in as `MailApp`
 *   mail._sent                                 // [{ to, subject, body, htmlBody, options }]
 *   mail._quota = 2                            // recipients left today
 */
import type { IoLog } from './fakeSpreadsheetApp';

export const CONSUMER_DAILY_QUOTA = 100;
export const WORKSPACE_DAILY_QUOTA = 1500;

export interface SentMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  options: Record<string, unknown>;
}

const ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export class FakeMailApp {
  _sent: SentMessage[] = [];
  /** Recipients left today. */
  _quota: number;

  constructor(private io?: IoLog, quota = CONSUMER_DAILY_QUOTA) {
    this._quota = quota;
  }

  getRemainingDailyQuota(): number {
    this.io?.count('getRemainingDailyQuota');
    return this._quota;
  }

  /** sendEmail(recipient, subject, body, options?) or sendEmail({ to, subject, body, htmlBody, … }). */
  sendEmail(...args: unknown[]): void {
    this.io?.count('sendEmail');
    let message: SentMessage;
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      const m = args[0] as Record<string, unknown>;
      const { to, subject, body, htmlBody, ...options } = m;
      message = { to: String(to ?? ''), subject: String(subject ?? ''), body: String(body ?? ''), htmlBody: htmlBody === undefined ? null : String(htmlBody), options };
    } else {
      if (args.length < 3) throw new Error('Exception: The parameters (' + args.map((a) => typeof a).join(',') + ') don\'t match the method signature for MailApp.sendEmail.');
      const options = (args[3] ?? {}) as Record<string, unknown>;
      message = {
        to: String(args[0]), subject: String(args[1]), body: String(args[2]),
        htmlBody: options.htmlBody === undefined ? null : String(options.htmlBody), options,
      };
    }
    const recipients = [message.to, String(message.options.cc ?? ''), String(message.options.bcc ?? '')]
      .flatMap((list) => list.split(','))
      .map((a) => a.trim())
      .filter((a) => a !== '');
    if (recipients.length === 0) throw new Error('Exception: Failed to send email: no recipient');
    for (const a of recipients) if (!ADDRESS.test(a)) throw new Error(`Exception: Invalid email: ${a}`);
    if (message.subject.length > 250) throw new Error('Exception: Argument too large: subject');
    if (recipients.length > this._quota) throw new Error('Exception: Service invoked too many times for one day: email.');
    this._quota -= recipients.length;
    this._sent.push(message);
  }
}
