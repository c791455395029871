/**
 * My earnings sees only what the user may see (SPEC §12), enforced in the server function, not in
 * the picker: a user whose e-mail maps to a manager sees that manager; a head (Managers sheet
 * `head`) sees their team; a user who maps to no one (the owner) sees everyone; a blank e-mail
 * (Apps Script's answer when it may not tell) never matches anyone. Workbook: fixture.ts, period
 * 2026-10 to date on 2026-10-31 (Иванов 48 000,00; Петров 86 000,00; Сидорова 45 000,00).
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { myEarningsOfRead } from '../../src/workbook/earningsRun';
import { readWorkbook } from '../../src/workbook/read';
import { plain, rig } from '../sheets/setup';
import { EMAILS, IVANOV, managerRecords, PETROV, SIDOROVA, statementWorkbook } from './fixture';

const SIDOROVA_MAIL = 'sidorova@example.com';

/** The read workbook with the Managers sheet's rows as the `read` engineer's reader gives them (heads included). */
function readWithTeams() {
  const read = readWorkbook(statementWorkbook({ sidorovaEmail: SIDOROVA_MAIL }));
  read.input.managers = managerRecords({ sidorovaEmail: SIDOROVA_MAIL });
  return read;
}

const ask = (manager: string | null, email: string | null) =>
  myEarningsOfRead(readWithTeams(), { manager, email, asOf: '2026-10-31', today: '2026-11-05' });

describe('who My earnings shows (pure)', () => {
  it('a mapped manager sees themselves only; asking for a colleague is refused with no figures', () => {
    const own = ask(null, EMAILS[IVANOV]);
    expect(own.manager).toBe(IVANOV);
    expect(own.via).toBe('email');
    expect(own.earnings?.total).toBe(48000); // 30 000 + 3 % × 600 000
    expect(own.manager_choices).toEqual([IVANOV]);

    const other = ask(PETROV, ' IVANOV@example.com ');
    expect(other.earnings).toBeNull();
    expect(other.managers).toEqual([]);
    expect(other.message).toBe(msg('ru', 'statements.earnings.notYours', { team: '', manager: PETROV }));
    expect(JSON.stringify(other)).not.toContain('86000');
  });

  it('a head sees their team and no one else', () => {
    const team = ask(null, SIDOROVA_MAIL);
    expect(team.manager).toBe(SIDOROVA);
    expect(team.manager_choices).toEqual([IVANOV, SIDOROVA]);
    expect(ask(IVANOV, SIDOROVA_MAIL).earnings?.total).toBe(48000);
    const refused = ask(PETROV, SIDOROVA_MAIL);
    expect(refused.earnings).toBeNull();
    expect(refused.message).toBe(msg('ru', 'statements.earnings.notYours', { team: msg('ru', 'statements.earnings.team'), manager: PETROV }));
  });

  it('an unmapped user (the owner) and a blank e-mail see everyone', () => {
    for (const email of ['owner@example.com', '', null, '   ']) {
      const r = ask(PETROV, email);
      expect(r.earnings?.total).toBe(86000); // 30 000 + 3 % × 1 200 000 + 20 000
      expect(r.manager_choices).toEqual([IVANOV, PETROV, SIDOROVA]);
    }
  });
});

describe('myEarnings on the built script', () => {
  const NOW = new Date('2026-10-31T12:00:00+03:00');

  it('refuses a mapped user who asks for someone else, whatever the picker sent', () => {
    const { gas, env } = rig(statementWorkbook(), {}, { now: NOW });
    env.userEmail = EMAILS[IVANOV];
    const own = plain(gas.call('myEarnings', null, '2026-10-31'));
    expect(own.manager).toBe(IVANOV);
    expect(own.earnings.total).toBe(48000);
    const other = plain(gas.call('myEarnings', PETROV, '2026-10-31'));
    expect(other.earnings).toBeNull();
    expect(other.message).toBe(msg('ru', 'statements.earnings.notYours', { team: '', manager: PETROV }));
    expect(other.manager_choices).toEqual([IVANOV]);
  });

  it('lets the owner (no mapping) and a user whose e-mail Apps Script hides pick anyone', () => {
    for (const email of ['owner@example.com', '']) {
      const { gas, env } = rig(statementWorkbook(), {}, { now: NOW });
      env.userEmail = email;
      const r = plain(gas.call('myEarnings', PETROV, '2026-10-31'));
      expect(r.earnings.total).toBe(86000);
      expect(r.manager_choices).toEqual([IVANOV, PETROV, SIDOROVA]);
    }
  });
});
