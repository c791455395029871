/**
 * Send statements (SPEC §12), the deciding part: who gets an e-mail, who is skipped and why, what
 * each e-mail holds (one manager only), reruns (only changed statements, marked corrected) and
 * the daily quota. Figures: see fixture.ts (Иванов 48 000,00; Петров 86 000,00; Сидорова 45 000,00).
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { fingerprint } from '../../src/core/fingerprint';
import { runPayouts } from '../../src/workbook/pipeline';
import { statementFingerprint } from '../../src/workbook/statementHtml';
import { parseSentLog, planStatementMails, privateStatementTabs, sentLogRow, type SentEntry } from '../../src/workbook/statementMail';
import { EMAILS, FORMULA_CLIENT, IVANOV, PETROV, SCRIPT_CLIENT, SIDOROVA, statementWorkbook } from './fixture';
import fc from 'fast-check';
import { formatMoney } from '../../src/core/moneyText';

/** An amount as the statement shows it (the one formatter). */
const money = (n: number) => formatMoney(n, 'ru', 'RUB');

const run = (opts: Parameters<typeof statementWorkbook>[0] = {}, generatedAt = '2026-11-05 10:00') =>
  runPayouts(statementWorkbook(opts), { period: '2026-10', today: '2026-11-05', generatedAt });

describe('planStatementMails', () => {
  it('mails each manager with an address only their own statement; skips the one without', () => {
    const result = run();
    expect(result.json.managers.map((m) => [m.manager, m.total])).toEqual([[IVANOV, 48000], [PETROV, 86000], [SIDOROVA, 45000]]);
    const plan = planStatementMails(result, [], 100);
    expect(plan.recipients).toEqual([{ manager: IVANOV, email: EMAILS[IVANOV] }, { manager: PETROV, email: EMAILS[PETROV] }]);
    expect(plan.skipped).toEqual([{ manager: SIDOROVA, reason: msg('ru', 'statements.skip.noAddress') }]);
    const [ivanov, petrov] = plan.mails;
    expect(ivanov.subject).toBe('Расчётный лист за 2026-10: Иванов Иван');
    expect(ivanov.corrected).toBe(false);
    // 30 000 + 3 % × 600 000 = 48 000,00 ₽ 
    expect(ivanov.html).toContain(money(48000));
    expect(ivanov.text).toContain(money(48000));
    // nothing of anyone else's: names, totals (86 000 / 45 000), deals, clients
    for (const other of [PETROV, SIDOROVA, 'Петров', 'Сидоров', money(86000), money(45000), 'ЗК-3', 'ЗК-4', 'Петровские', 'Сидоровы']) {
      expect(ivanov.html).not.toContain(other);
      expect(ivanov.text + ivanov.subject).not.toContain(other);
    }
    for (const other of [IVANOV, 'Иванов', 'ЗК-1', 'ЗК-2', money(48000), 'alert', 'HYPERLINK']) expect(petrov.html).not.toContain(other);
    expect(petrov.html).toContain(money(86000));
  });

  it('escapes every text: a client named <script> or =HYPERLINK is text, not markup', () => {
    const html = planStatementMails(run(), [], 100).mails[0].html;
    expect(html).not.toContain(SCRIPT_CLIENT);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;;&quot;click&quot;)');
    expect(html).not.toContain('<a ');
    expect(FORMULA_CLIENT).toContain('=HYPERLINK');
  });

  it('a rerun skips unchanged statements and sends a changed one as corrected', () => {
    const first = run();
    const plan = planStatementMails(first, [], 100);
    const log: SentEntry[] = parseSentLog([
      ['Период', 'Менеджер', 'E-mail', 'Отправлено', 'Отпечаток расчёта', 'Исправление'],
      ...plan.mails.map((m) => sentLogRow(m, '2026-10', '2026-11-05 10:01', 'ru')),
    ]);
    expect(log).toHaveLength(2);

    // generated again later, same figures: the stamp differs, the statement does not
    const again = planStatementMails(run({}, '2026-11-06 09:00'), log, 100);
    expect(again.recipients).toEqual([]);
    expect(again.skipped.map((s) => s.manager)).toEqual([IVANOV, PETROV, SIDOROVA]);
    expect(again.skipped[0].reason).toBe(msg('ru', 'statements.skip.unchanged', { sentAt: '2026-11-05 10:01' }));

    // Петров's deal grows to 1 300 000: 30 000 + 39 000 + 20 000 = 89 000,00 — only his is sent, as a correction
    const changed = planStatementMails(run({ petrovAmount: 1300000 }, '2026-11-06 09:00'), log, 100);
    expect(changed.recipients).toEqual([{ manager: PETROV, email: EMAILS[PETROV] }]);
    const mail = changed.mails[0];
    expect(mail.corrected).toBe(true);
    expect(mail.subject).toBe('Исправленный расчётный лист за 2026-10: Петров Пётр');
    expect(mail.html).toContain(msg('ru', 'statements.correctedNote', { sentAt: '2026-11-05 10:01' }));
    expect(mail.html).toContain(money(89000));
  });

  it('stops at the daily quota and says who was left for tomorrow', () => {
    const plan = planStatementMails(run({ sidorovaEmail: 'sidorova@example.com' }), [], 2);
    expect(plan.recipients.map((r) => r.manager)).toEqual([IVANOV, PETROV]);
    expect(plan.skipped).toEqual([{ manager: SIDOROVA, reason: msg('ru', 'statements.skip.quota') }]);
    expect(planStatementMails(run(), [], 0).recipients).toEqual([]);
  });

  it('lists a withheld manager as skipped (no statement), never mails them', () => {
    const plan = planStatementMails(run({ withheld: 'Орлов Олег' }), [], 100);
    expect(plan.recipients.map((r) => r.manager)).toEqual([IVANOV, PETROV]);
    expect(plan.skipped).toContainEqual({ manager: 'Орлов Олег', reason: msg('ru', 'statements.skip.noStatement') });
  });
});

describe('statement fingerprints', () => {
  it('ignore the generated-at stamp and change with any figure', () => {
    const a = privateStatementTabs(run({}, '2026-11-05 10:00'));
    const b = privateStatementTabs(run({}, '2026-12-01 08:00'));
    const c = privateStatementTabs(run({ petrovAmount: 1200000.01 }));
    expect(a.map((t) => statementFingerprint(t, 'ru'))).toEqual(b.map((t) => statementFingerprint(t, 'ru')));
    expect(statementFingerprint(c[0], 'ru')).toBe(statementFingerprint(a[0], 'ru')); // Иванов unchanged
    expect(statementFingerprint(c[1], 'ru')).not.toBe(statementFingerprint(a[1], 'ru'));
  });

  it('are 16 hex digits and differ for texts that differ in one character (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat({ max: 39 }), fc.integer({ min: 1, max: 0xffff }), (s, at, delta) => {
        const i = s.length === 0 ? 0 : at % s.length;
        const t = s.length === 0 ? String.fromCharCode(delta) : s.slice(0, i) + String.fromCharCode((s.charCodeAt(i) + delta) % 0x10000) + s.slice(i + 1);
        expect(fingerprint(s)).toMatch(/^[0-9a-f]{16}$/);
        if (t !== s) expect(fingerprint(t)).not.toBe(fingerprint(s));
      }),
    );
  });
});
