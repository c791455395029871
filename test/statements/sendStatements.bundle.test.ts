/**
 * *Send statements…* on the built script (build/Code.js) with the strict fake: MailApp records the
 * messages and enforces the quota; the Sent / Рассылка sheet logs each send; a rerun sends only
 * changed statements, marked corrected. Figures: test/statements/fixture.ts (Иванов 48 000,00,
 * Петров 86 000,00, Сидорова 45 000,00 without an address). Clock: 2026-11-05 12:00 Moscow.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { formatMoney } from '../../src/core/moneyText';
import type { FakeMailApp } from '../harness/fakeMailApp';
import { plain, rig } from '../sheets/setup';
import { EMAILS, IVANOV, PETROV, SIDOROVA, statementWorkbook } from './fixture';

const NOW = new Date('2026-11-05T12:00:00+03:00');
const money = (n: number) => formatMoney(n, 'ru', 'RUB');

function setup(opts: Parameters<typeof statementWorkbook>[0] = {}) {
  const r = rig(statementWorkbook(opts), {}, { now: NOW });
  const mail = r.gas.get('MailApp') as FakeMailApp;
  return { ...r, mail };
}

describe('sendStatements(period, confirm) on the built script', () => {
  it('without confirm lists recipients and skipped, sends nothing and writes nothing', () => {
    const { ss, gas, mail } = setup();
    ss.io.reset();
    const preview = plain(gas.call('sendStatements', '2026-10', false));
    expect(preview).toEqual({
      recipients: [{ manager: IVANOV, email: EMAILS[IVANOV] }, { manager: PETROV, email: EMAILS[PETROV] }],
      skipped: [{ manager: SIDOROVA, reason: msg('ru', 'statements.skip.noAddress') }],
    });
    expect(mail._sent).toEqual([]);
    expect(ss._sheet('Рассылка')).toBeFalsy();
    expect(ss.io.calls.setValues ?? 0).toBe(0);
    expect(ss.io.calls.insertSheet ?? 0).toBe(0);
  });

  it('with confirm sends one e-mail per manager with only their statement, and logs each send', () => {
    const { ss, gas, mail } = setup();
    const done = plain(gas.call('sendStatements', '2026-10', true));
    expect(done.sent).toEqual([
      { manager: IVANOV, email: EMAILS[IVANOV], corrected: false },
      { manager: PETROV, email: EMAILS[PETROV], corrected: false },
    ]);
    expect(mail._sent.map((m) => [m.to, m.subject])).toEqual([
      [EMAILS[IVANOV], 'Расчётный лист за 2026-10: Иванов Иван'],
      [EMAILS[PETROV], 'Расчётный лист за 2026-10: Петров Пётр'],
    ]);
    const [ivanov, petrov] = mail._sent;
    expect(ivanov.htmlBody).toContain(money(48000)); // 30 000 + 3 % × 600 000
    expect(petrov.htmlBody).toContain(money(86000)); // 30 000 + 3 % × 1 200 000 + 20 000
    for (const other of [PETROV, SIDOROVA, money(86000), money(45000), 'ЗК-3', 'ЗК-4']) expect(ivanov.htmlBody).not.toContain(other);
    for (const other of [IVANOV, SIDOROVA, money(48000), 'ЗК-1', 'ЗК-2']) expect(petrov.htmlBody).not.toContain(other);
    expect(mail._quota).toBe(98);

    const log = ss._sheet('Рассылка')!._values;
    expect(log[0]).toEqual(['Период', 'Менеджер', 'E-mail', 'Отправлено', 'Отпечаток расчёта', 'Исправление']);
    expect(log.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['2026-10', IVANOV, EMAILS[IVANOV], '2026-11-05 12:00'],
      ['2026-10', PETROV, EMAILS[PETROV], '2026-11-05 12:00'],
    ]);
    expect(String(log[1][4])).toMatch(/^[0-9a-f]{16}$/); // kept as text, never a number
  });

  it('a rerun sends nothing unchanged; a changed statement goes again, marked corrected', () => {
    const { ss, gas, mail } = setup();
    gas.call('sendStatements', '2026-10', true);
    const again = plain(gas.call('sendStatements', '2026-10', true));
    expect(again.sent).toEqual([]);
    expect(again.skipped.map((s: { manager: string }) => s.manager)).toEqual([IVANOV, PETROV, SIDOROVA]);
    expect(mail._sent).toHaveLength(2);

    // Петров's deal ЗК-3 becomes 1 300 000 (row 4, column E): 30 000 + 39 000 + 20 000 = 89 000,00
    ss._sheet('Сделки')!._values[3][4] = 1300000;
    const corrected = plain(gas.call('sendStatements', '2026-10', true));
    expect(corrected.sent).toEqual([{ manager: PETROV, email: EMAILS[PETROV], corrected: true }]);
    const last = mail._sent[2];
    expect(last.subject).toBe('Исправленный расчётный лист за 2026-10: Петров Пётр');
    expect(last.htmlBody).toContain(money(89000));
    const log = ss._sheet('Рассылка')!._values;
    expect(log).toHaveLength(4);
    expect(log[3][5]).toBe('да');
  });

  it('stops before the quota and says who was not sent', () => {
    const { gas, mail } = setup({ sidorovaEmail: 'sidorova@example.com' });
    mail._quota = 1;
    const done = plain(gas.call('sendStatements', '2026-10', true));
    expect(done.sent.map((s: { manager: string }) => s.manager)).toEqual([IVANOV]);
    expect(done.skipped).toEqual([
      { manager: PETROV, reason: msg('ru', 'statements.skip.quota') },
      { manager: SIDOROVA, reason: msg('ru', 'statements.skip.quota') },
    ]);
    expect(mail._sent).toHaveLength(1);
    expect(mail._quota).toBe(0);
  });

  it('a send that fails stops the run, logs only what went, and names the rest', () => {
    const { ss, gas, mail } = setup({ sidorovaEmail: 'sidorova@example.com' });
    const real = mail.sendEmail.bind(mail);
    let n = 0;
    mail.sendEmail = (...args: unknown[]) => {
      if (++n === 2) throw new Error('Exception: Mail service unavailable');
      real(...args);
    };
    const done = plain(gas.call('sendStatements', '2026-10', true));
    expect(done.sent.map((s: { manager: string }) => s.manager)).toEqual([IVANOV]);
    const reason = msg('ru', 'statements.skip.failed', { reason: 'Exception: Mail service unavailable' });
    expect(done.skipped).toEqual([{ manager: PETROV, reason }, { manager: SIDOROVA, reason }]);
    expect(ss._sheet('Рассылка')!._values).toHaveLength(2);
  });
});

describe('the Send statements… menu item', () => {
  it('is in the menu, shows recipients and skipped, and sends only after YES', () => {
    const { gas, env, mail } = setup();
    gas.call('onOpen', { authMode: 'FULL' });
    const items = env.ui._menus[0].items.filter((i) => 'fn' in i).map((i) => (i as { fn: string }).fn);
    expect(items).toContain('menuSendStatements');

    env.ui._promptResponses.push({ text: '2026-10' });
    env.ui._alertResponses.push('NO');
    gas.call('menuSendStatements');
    const confirm = env.ui._events.find((e) => e.kind === 'alert')!;
    expect(confirm.message).toContain(`${IVANOV} <${EMAILS[IVANOV]}>`);
    expect(confirm.message).toContain(`${SIDOROVA}: ${msg('ru', 'statements.skip.noAddress')}`);
    expect(mail._sent).toEqual([]);

    env.ui._events.length = 0;
    env.ui._promptResponses.push({ text: '' }); // blank = the last complete month, 2026-10
    env.ui._alertResponses.push('YES');
    gas.call('menuSendStatements');
    expect(mail._sent.map((m) => m.to)).toEqual([EMAILS[IVANOV], EMAILS[PETROV]]);
    const summary = env.ui._events.filter((e) => e.kind === 'alert').pop()!;
    expect(summary.message).toContain(msg('ru', 'statements.dialog.sent', { count: 2 }));
  });
});
