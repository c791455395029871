/**
 * Who owns a client (SPEC §2): the `attracted by` value when given on any of the client's deals
 * (the first such row wins), else the manager of the client's earliest won deal (ties: the first
 * row). Deals without a client have no owner.
 */
import type { Deal } from './model';
import type { LocalDate } from './periods';

/**
 * Characters that print as nothing (SPEC §10.2): zero-width space/joiners, soft hyphen, direction
 * marks and embeddings, word joiner and invisible operators, BOM, Mongolian vowel separator,
 * Arabic letter mark, combining grapheme joiner. Listed, not `\p{Cf}`: no `\p{…}` in the bundle.
 */
const INVISIBLE = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Every space-like character (tab, NBSP, en/em/thin spaces, narrow NBSP, ideographic space…). */
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * Words of printable ASCII and the Russian alphabet (А–я, Ё, ё) joined by single spaces: a text
 * displayName leaves as it is (none of these is invisible, a space or changed by NFC).
 */
const PLAIN = /^[!-~\u0401\u0410-\u044f\u0451]+(?: [!-~\u0401\u0410-\u044f\u0451]+)*$/;

/**
 * A name as shown (SPEC §10 "Names in the output"): Unicode NFC (a `й` typed as и + U+0306 is one
 * letter), invisible characters removed, spaces collapsed and trimmed.
 * @example displayName(' Фёдорова\u200b  Т. ') // 'Фёдорова Т.'
 */
export function displayName(name: string): string {
  const text = String(name ?? '');
  // Already as shown (every deal id, most names): nothing to remove, compose or collapse.
  if (PLAIN.test(text)) return text;
  // Invisible marks first: one between и and U+0306 would keep them from composing into й.
  let s = text.replace(INVISIBLE, '');
  if (typeof s.normalize === 'function') s = s.normalize('NFC');
  return s.replace(SPACES, ' ').trim();
}

/**
 * How people, schemes and clients are compared (SPEC §10.2): displayName, then case-folded and
 * ё → е. The one normaliser: the engine, the reader, the sidebar and the CLI all call it.
 * @example nameKey('ФЁДОРОВА\u00a0Т.') === nameKey('федорова т.') // true
 */
export function nameKey(name: string): string {
  return displayName(name).toLowerCase().replace(/ё/g, 'е');
}

/** nameKey with a cache, for one run: names repeat across thousands of rows. */
export function cachedNameKey(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let key = cache.get(name);
    if (key === undefined) {
      key = nameKey(name);
      cache.set(name, key);
    }
    return key;
  };
}

export interface ClientOwnership {
  /** client key → owner's manager key */
  owner: Map<string, string>;
  /** client key → owner's name as first seen */
  ownerName: Map<string, string>;
  /** client key → day of the client's earliest won deal */
  firstWon: Map<string, LocalDate>;
}

/**
 * Deals must already be in sheet order (ascending row): "first row" means the lowest row.
 * `managerOf` names who closed a deal (a split deal: its largest share, SPEC §14); asked only of
 * each client's earliest won deal, so no copy of 100 000 deals is made to say it.
 * Example: client Гамма first bought from Мария, and a later row says "attracted by Пётр" → Пётр owns it.
 */
export function clientOwnership(deals: readonly Deal[], key: (name: string) => string = cachedNameKey(), managerOf: (deal: Deal) => string = (d) => d.manager): ClientOwnership {
  const owner = new Map<string, string>();
  const ownerName = new Map<string, string>();
  const firstWon = new Map<string, LocalDate>();
  const firstWonDeal = new Map<string, Deal>();
  // Indexed: an iterator result per deal until the loop is optimised (the §14 bench).
  for (let i = 0; i < deals.length; i++) {
    const deal = deals[i];
    const client = deal.client ? key(deal.client) : '';
    if (client === '') continue;
    const attracted = deal.attractedBy ? key(deal.attractedBy) : '';
    if (attracted !== '' && !owner.has(client)) {
      owner.set(client, attracted);
      ownerName.set(client, displayName(deal.attractedBy as string));
    }
    if (deal.status === 'won') {
      const first = firstWonDeal.get(client);
      if (!first || deal.date < first.date) firstWonDeal.set(client, deal);
    }
  }
  firstWonDeal.forEach((deal, client) => {
    firstWon.set(client, deal.date);
    if (!owner.has(client)) {
      const manager = managerOf(deal);
      owner.set(client, key(manager));
      ownerName.set(client, displayName(manager));
    }
  });
  return { owner, ownerName, firstWon };
}
