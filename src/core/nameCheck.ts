/**
 * Managers withheld because of their name (SPEC §10.2), never paid on a guess:
 * - with a Plans sheet, a manager with deals in P and no Plans row for P — an issue on each of
 *   their Deals rows in P, naming the closest planned name («Фёдорова Т.» — нет в Планах за
 *   2026-10; похоже на «Фёдорова Татьяна»);
 * - without one, when everyone gets the only scheme, two names that look like one person (same
 *   surname with compatible initials, reordered words, a parenthesised suffix) — both withheld
 *   until the Managers sheet's `also known as` says who is who (or lists both as managers).
 */
import type { Issue } from './issues';
import { msg } from './messages/index';
import type { Deal, PayoutInput } from './model';
import type { Lang } from './money';
import { nameKey } from './ownership';

/** A name's words for comparing: parenthesised parts (`(опт)`) and dots dropped. */
function words(name: string): string[] {
  return nameKey(name).replace(/\([^)]*\)/g, ' ').split(/[\s.,]+/).filter((w) => w !== '');
}

/** `т` and `татьяна` may be one word; so are equal words. */
function compatible(a: string, b: string): boolean {
  return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/** Every word of the shorter list matched by a distinct compatible word of the longer. */
function wordsMatch(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Array<boolean>(long.length).fill(false);
  for (const w of short) {
    // Whole words first, so `т` does not take `татьяна` away from `татьяна`.
    let i = long.findIndex((x, k) => !used[k] && x === w);
    if (i < 0) i = long.findIndex((x, k) => !used[k] && compatible(w, x));
    if (i < 0) return false;
    used[i] = true;
  }
  return true;
}

/**
 * Do two different names look like one person? Same words in another order or with a suffix in
 * brackets; or a shared surname (a word of 2+ letters) with the other words compatible initials.
 * @example looksAlike('Фёдорова Т.', 'Татьяна Фёдорова') // true
 * @example looksAlike('Иванов А.', 'Иванов Борис') // false
 */
export function looksAlike(a: string, b: string): boolean {
  if (nameKey(a) === nameKey(b)) return false;
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return false;
  if ([...wa].sort().join(' ') === [...wb].sort().join(' ')) return true;
  for (let i = 0; i < wa.length; i++) {
    if (wa[i].length < 2) continue;
    const j = wb.indexOf(wa[i]);
    if (j < 0) continue;
    if (wordsMatch(wa.filter((_, k) => k !== i), wb.filter((_, k) => k !== j))) return true;
  }
  return false;
}

/** Levenshtein distance (small strings: names). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The planned name that `name` most likely means: a look-alike, else the nearest by spelling; null when none is close. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  const alike = candidates.find((c) => looksAlike(name, c));
  if (alike) return alike;
  const key = nameKey(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(key, nameKey(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : null;
}

export interface NameCheck {
  /** Manager keys to withhold in this period. */
  withheld: Set<string>;
  issues: Issue[];
}

/**
 * The managers of period P whose name leaves who they are in doubt.
 * `names`: key → name shown, for every manager of P; `planned`: key → name shown, for P's Plans rows;
 * `periodDeals`: the deals that made them managers of P, in sheet order.
 */
export function checkNames(
  input: PayoutInput,
  ctx: { periodKey: string; lang: Lang; names: ReadonlyMap<string, string>; planned: ReadonlyMap<string, string>; singleScheme: boolean },
  periodDeals: readonly Deal[],
  managerKey: (d: Deal) => string,
): NameCheck {
  const { lang, names, planned } = ctx;
  const withheld = new Set<string>();
  const issues: Issue[] = [];
  const column = input.dealManagerHeader ?? msg(lang, 'workbook.field.manager');
  if (input.sheetNames.plans !== null) {
    const plannedNames = [...planned.values()];
    const likeOf = new Map<string, string | null>();
    for (let i = 0; i < periodDeals.length; i++) {
      const d = periodDeals[i];
      const key = managerKey(d);
      if (key === '' || planned.has(key)) continue;
      withheld.add(key);
      if (!likeOf.has(key)) likeOf.set(key, closestName(d.manager, plannedNames));
      const like = likeOf.get(key)!;
      const params = { manager: d.manager, period: ctx.periodKey };
      issues.push({
        code: 'not_in_plans', sheet: d.ref.sheet, row: d.ref.row, column, value: d.manager,
        message: like ? msg(lang, 'reading.issue.notInPlansLike', { ...params, like }) : msg(lang, 'reading.issue.notInPlans', params),
      });
    }
    return { withheld, issues };
  }
  if (!ctx.singleScheme) return { withheld, issues };
  const declared = new Set((input.managers ?? []).map((m) => nameKey(m.manager)));
  const keys = [...names.keys()];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = names.get(keys[i])!;
      const b = names.get(keys[j])!;
      if ((declared.has(keys[i]) && declared.has(keys[j])) || !looksAlike(a, b)) continue;
      withheld.add(keys[i]);
      withheld.add(keys[j]);
      const first = periodDeals.find((d) => managerKey(d) === keys[j]);
      issues.push({
        code: 'look_alike_names', sheet: first?.ref.sheet ?? input.sheetNames.deals, row: first?.ref.row ?? null, column, value: b,
        message: msg(lang, 'reading.issue.lookAlike', { manager: b, other: a, period: ctx.periodKey }),
      });
    }
  }
  return { withheld, issues };
}
