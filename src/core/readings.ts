/**
 * Values that read two ways (SPEC §10.2 "Rates"): where a number is a rate, a bare `10` may mean
 * 10 % or 1 000 %; where it is attainment, a bare `100` may mean 100 % or 10 000 %. Such a cell is
 * never guessed: it is an issue suggesting the spelling, and the scheme is invalid.
 *
 * What each Schemes column means is a property of the rule's column (`RULE_READINGS`): a new rule
 * opts in with one entry.
 */
import { Dec, dec } from './decimal';
import type { MessageKey } from './messages/index';
import type { SchemeRow } from './model';
import { formatPercent, type Lang } from './money';
import { isBlank, parseNumber, type CellValue, type NumberParse } from './numbers';
import { parseTiers } from './tiers';

/** A rate: a bare number above 1 reads two ways. Attainment (1 = 100 %): a bare number above 10 (1 000 %) does. */
export type Reading = 'rate' | 'attainment';

export interface TierReading {
  thresholds?: 'attainment';
  values?: 'rate';
}

/** How the number columns of a rule are read; columns not named hold amounts, counts, months or weights. */
export interface RuleReadings {
  rate?: 'rate';
  threshold?: 'attainment';
  cap?: 'attainment';
  tiers?: TierReading;
}

const RATES_BY_ATTAINMENT: TierReading = { thresholds: 'attainment', values: 'rate' };
const RATES: TierReading = { values: 'rate' };

/**
 * Per rule kind (SPEC §2, §14). Tier tables of amounts (`10:5000; 15:10000` for plan and deal
 * bonuses) and count or month thresholds are not rates. Keyed by the rule word the engine uses, so a
 * rule another area adds (team_override) opts in here by name.
 */
export const RULE_READINGS: Readonly<Record<string, RuleReadings>> = {
  percent: { rate: 'rate', threshold: 'attainment' },
  tiers: { tiers: RATES_BY_ATTAINMENT },
  plan_bonus: { threshold: 'attainment', tiers: { thresholds: 'attainment' } },
  client_turnover: { rate: 'rate', tiers: RATES },
  kpi: { cap: 'attainment' },
  kpi_gate: { threshold: 'attainment' },
  limit: { rate: 'rate' },
  team_override: { rate: 'rate', tiers: RATES },
  // SPEC §14 scheme `*`: the fund is rate × the company's margin or revenue (`40%` of margin).
  company_limit: { rate: 'rate' },
};

/** Above this a bare number reads two ways. */
export function readingLimit(reading: Reading): Dec {
  return dec(reading === 'rate' ? 1 : 10);
}

/** A number format showing percents (`0%`, `0.00%`); a `%` inside quotes or escaped does not count. */
export function isPercentFormat(format: string | null | undefined): boolean {
  return /%/.test(String(format ?? '').replace(/"[^"]*"|\\./g, ''));
}

/** Is this parsed value a bare number above the reading's limit (no `%` typed, no percent cell format)? */
export function readsTwoWays(parsed: NumberParse, reading: Reading, percentFormat = false): boolean {
  return parsed.kind === 'number' && !parsed.percent && !percentFormat && parsed.value.abs().greaterThan(readingLimit(reading));
}

/** The two spellings that say what was meant: `10` → `10%` and `0.1` (`0,1` in Russian). */
export function spellings(value: Dec, lang: Lang): { percent: string; fraction: string; hundredfold: string } {
  return {
    percent: `${plain(value, lang)}%`,
    fraction: plain(value.dividedBy(100), lang),
    hundredfold: formatPercent(value, lang),
  };
}

function plain(value: Dec, lang: Lang): string {
  const text = value.toFixed();
  return lang === 'ru' ? text.replace('.', ',') : text;
}

export interface Ambiguity {
  field: 'rate' | 'threshold' | 'cap' | 'tiers';
  key: MessageKey;
  params: Record<string, string>;
}

/**
 * Every cell of a Schemes row that reads two ways, for its rule kind. Cells that are not numbers or
 * not valid tiers are left to the scheme parser's own issues.
 * Example: rule `percent`, rate `10` → [{ field: 'rate', key: 'rtAmbiguousRate', params: { percent: '10%', fraction: '0.1', … } }].
 */
export function ambiguousCells(kind: string, row: SchemeRow, lang: Lang): Ambiguity[] {
  const readings = RULE_READINGS[kind];
  if (!readings) return [];
  const out: Ambiguity[] = [];
  for (const field of ['rate', 'threshold', 'cap'] as const) {
    const reading = readings[field];
    if (!reading) continue;
    const parsed = parseNumber(row[field], { lang: row.numberLang ?? lang });
    if (parsed.kind !== 'number' || !readsTwoWays(parsed, reading, isPercentFormat(row.formats?.[field]))) continue;
    out.push({ field, key: reading === 'rate' ? 'rtAmbiguousRate' : 'rtAmbiguousAttainment', params: spellings(parsed.value, lang) });
  }
  if (readings.tiers) {
    const table = ambiguousTiers(row.tiers, readings.tiers, lang);
    if (table) out.push({ field: 'tiers', key: 'rtAmbiguousTiers', params: table });
  }
  return out;
}

/**
 * A tier table whose rates or attainment thresholds read two ways: the first such number, and the
 * whole table as it should be written (`0:3; 100:5` → `0:3%; 100%:5%`). Null when nothing does.
 */
export function ambiguousTiers(cell: CellValue | CellValue[][], reading: TierReading, lang: Lang): { number: string; percent: string; hundredfold: string; suggestion: string } | null {
  if (!Array.isArray(cell) && isBlank(cell)) return null;
  const parsed = parseTiers(Array.isArray(cell) ? cell : String(cell));
  if (!parsed.ok) return null;
  const twoWays = (value: Dec, percent: boolean, r: Reading | undefined) => r !== undefined && !percent && value.abs().greaterThan(readingLimit(r));
  // Nothing is spelled until a number is found that reads two ways: every custom-function call
  // checks its table here, and almost every table reads one way (issue 11: a cold call pays for all it runs).
  let first: Dec | null = null;
  for (let i = 0; i < parsed.tiers.length && first === null; i++) {
    const tier = parsed.tiers[i];
    const w = parsed.written[i];
    if (twoWays(tier.threshold, w.thresholdPercent, reading.thresholds)) first = tier.threshold;
    else if (twoWays(tier.value, w.valuePercent, reading.values)) first = tier.value;
  }
  if (first === null) return null;
  const entries = parsed.tiers.map((tier, i) => {
    const w = parsed.written[i];
    const side = (value: Dec, percent: boolean, r: Reading | undefined) => {
      if (twoWays(value, percent, r)) return `${plain(value, lang)}%`;
      return percent ? `${plain(value.times(100), lang)}%` : plain(value, lang);
    };
    return `${side(tier.threshold, w.thresholdPercent, reading.thresholds)}:${side(tier.value, w.valuePercent, reading.values)}`;
  });
  const s = spellings(first, lang);
  return { number: plain(first, lang), percent: s.percent, hundredfold: s.hundredfold, suggestion: entries.join('; ') };
}
