/**
 * One person, one name (SPEC §10, §10.2, §12): after every sheet is read, a name that the Managers
 * sheet lists as `also known as` becomes that manager everywhere (Deals' manager and attracted by,
 * Plans, KPI; Payments have no names), and each person is shown as spelled in Plans, else in the
 * Managers sheet, else in their first Deals row.
 */
import type { ManagerRecord, PayoutInput } from '../../core/model';
import { nameKey } from '../../core/ownership';

export interface SettledNames {
  /** e-mail → manager as shown: from the Managers sheet, else from Plans' e-mail column. */
  managerEmails: Map<string, string>;
}

export function settleNames(input: PayoutInput, records: readonly ManagerRecord[], planEmails: ReadonlyMap<string, string>): SettledNames {
  const aliasOf = new Map<string, string>();
  for (const rec of records) for (const alias of rec.aliases) aliasOf.set(nameKey(alias), nameKey(rec.manager));
  const keyCache = new Map<string, string>();
  const personKey = (name: string): string => {
    let key = keyCache.get(name);
    if (key === undefined) {
      key = nameKey(name);
      key = aliasOf.get(key) ?? key;
      keyCache.set(name, key);
    }
    return key;
  };

  const shown = new Map<string, string>();
  const offer = (name: string) => {
    const key = personKey(name);
    if (key !== '' && !shown.has(key)) shown.set(key, name);
  };
  for (const p of [...input.plans].sort((a, b) => a.ref.row - b.ref.row)) offer(p.manager);
  for (const rec of records) offer(rec.manager);
  for (const d of input.deals) offer(d.manager);
  for (const d of input.deals) if (d.attractedBy) offer(d.attractedBy);
  for (const f of input.kpiFacts) offer(f.manager);

  const asShown = (name: string): string => shown.get(personKey(name)) ?? name;
  // Most workbooks spell everyone one way: rewrite only when some spelling changes.
  if ([...keyCache.keys()].some((name) => asShown(name) !== name)) {
    for (const t of input.twoWayDates ?? []) t.manager = asShown(t.manager);
    for (const d of input.deals) {
      d.manager = asShown(d.manager);
      if (d.attractedBy) d.attractedBy = asShown(d.attractedBy);
    }
    for (const p of input.plans) p.manager = asShown(p.manager);
    for (const f of input.kpiFacts) f.manager = asShown(f.manager);
  }

  const managerEmails = new Map<string, string>();
  if (records.some((r) => r.email !== null)) {
    for (const rec of records) if (rec.email !== null) managerEmails.set(rec.email, asShown(rec.manager));
  } else {
    for (const [email, manager] of planEmails) managerEmails.set(email, asShown(manager));
  }
  return { managerEmails };
}
