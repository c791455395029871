/**
 * Who owns a client (SPEC §2): the `attracted by` value when given on any of the client's deals
 * (the first such row wins), else the manager of the client's earliest won deal (ties: the first
 * row). Deals without a client have no owner.
 */
import type { Deal } from './model';
import type { LocalDate } from './periods';

/** How managers and clients are compared: trimmed, inner spaces collapsed, lower-case, ё → е. */
export function nameKey(name: string): string {
  return String(name ?? '').replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');
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

/** A name as shown: trimmed, inner spaces collapsed (the first spelling seen is kept by callers). */
export function displayName(name: string): string {
  return String(name ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
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
 * Example: client Гамма first bought from Мария, and a later row says "attracted by Пётр" → Пётр owns it.
 */
export function clientOwnership(deals: readonly Deal[], key: (name: string) => string = cachedNameKey()): ClientOwnership {
  const owner = new Map<string, string>();
  const ownerName = new Map<string, string>();
  const firstWon = new Map<string, LocalDate>();
  const firstWonDeal = new Map<string, Deal>();
  for (const deal of deals) {
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
  for (const [client, deal] of firstWonDeal) {
    firstWon.set(client, deal.date);
    if (!owner.has(client)) {
      owner.set(client, key(deal.manager));
      ownerName.set(client, displayName(deal.manager));
    }
  }
  return { owner, ownerName, firstWon };
}
