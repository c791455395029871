/**
 * Who is who, for the features that must not show one manager's pay to another (SPEC §12):
 * a manager's e-mail address (statements by e-mail), the manager an e-mail belongs to, and a head's
 * team (My earnings). Built from the Managers sheet's rows (`input.managers`) and the reader's
 * e-mail map (the Managers sheet, else the Plans e-mail column). Pure.
 */
import type { ManagerRecord } from '../core/model';
import { nameKey } from '../core/ownership';

export interface ManagerDirectory {
  /** The addresses a manager can be reached at: the Managers sheet's, else the Plans e-mail column's. */
  emailsOf(manager: string): string[];
  /** The manager an e-mail belongs to; a blank e-mail never matches (Apps Script gives "" when it may not tell). */
  managerOf(email: string | null | undefined): string | null;
  /**
   * The name keys of the manager and of everyone whose head is them, directly or through heads
   * below them (a sales director sees the heads' teams too).
   */
  teamOf(manager: string): Set<string>;
}

export interface DirectorySource {
  input: { managers?: ManagerRecord[] };
  /** e-mail (lower case) → manager, as the reader found it. */
  managerEmails: ReadonlyMap<string, string>;
}

/** @example managerDirectory(read).emailsOf('Иванов') // ['ivanov@firm.ru'] */
export function managerDirectory(source: DirectorySource): ManagerDirectory {
  const records = source.input.managers ?? [];
  // every name a person goes by → the key of their Managers row
  const canonical = new Map<string, string>();
  for (const r of records) {
    const key = nameKey(r.manager);
    if (key === '') continue;
    canonical.set(key, key);
    for (const alias of r.aliases) if (nameKey(alias) !== '' && !canonical.has(nameKey(alias))) canonical.set(nameKey(alias), key);
  }
  const keyOf = (name: string): string => canonical.get(nameKey(name)) ?? nameKey(name);

  const sheetEmails = new Map<string, string[]>();
  const emailOwner = new Map<string, string>();
  for (const r of records) {
    const key = keyOf(r.manager);
    if (!r.email || key === '') continue;
    const mail = r.email.trim().toLowerCase();
    if (mail === '') continue;
    const list = sheetEmails.get(key) ?? [];
    if (!list.includes(mail)) list.push(mail);
    sheetEmails.set(key, list);
    if (!emailOwner.has(mail)) emailOwner.set(mail, r.manager);
  }
  const otherEmails = new Map<string, string[]>();
  for (const [mail, manager] of source.managerEmails) {
    const key = keyOf(manager);
    if (key === '' || mail.trim() === '') continue;
    const list = otherEmails.get(key) ?? [];
    if (!list.includes(mail)) list.push(mail);
    otherEmails.set(key, list);
  }

  const members = new Map<string, string[]>(); // head key → member keys
  for (const r of records) {
    if (!r.head || nameKey(r.head) === '') continue;
    const head = keyOf(r.head);
    const list = members.get(head) ?? [];
    list.push(keyOf(r.manager));
    members.set(head, list);
  }

  return {
    emailsOf: (manager) => {
      const key = keyOf(manager);
      return sheetEmails.get(key) ?? otherEmails.get(key) ?? [];
    },
    managerOf: (email) => {
      const mail = String(email ?? '').trim().toLowerCase();
      if (mail === '') return null;
      return emailOwner.get(mail) ?? source.managerEmails.get(mail) ?? null;
    },
    teamOf: (manager) => {
      const team = new Set<string>([keyOf(manager)]);
      const queue = [keyOf(manager)];
      while (queue.length > 0) {
        for (const member of members.get(queue.shift()!) ?? []) {
          if (!team.has(member)) {
            team.add(member);
            queue.push(member);
          }
        }
      }
      // aliases of team members are the same people
      for (const [alias, key] of canonical) if (team.has(key)) team.add(alias);
      return team;
    },
  };
}
