/**
 * How the regulation writes numbers inside its sentences: through the one formatter (core/money),
 * whole money without kopecks (`30 000 ₽`), rates and attainment as percents (`3 %`).
 */
import { Dec, dec } from '../decimal';
import { formatDecimal } from '../explain';
import { hasMessage, msg, type MessageKey } from '../messages/index';
import { metricKind, metricLabel } from '../metricNames';
import { formatMoney, formatNumber, formatPercent, type Lang } from '../money';
import { withCurrency } from '../moneyText';
import type { LocalDate } from '../periods';

export class RegulationFormat {
  constructor(readonly lang: Lang, readonly currency: string) {}

  /** `30 000 ₽`, `1 234,50 ₽` (kopecks only when there are any). */
  money(v: Dec | number): string {
    const d = dec(v);
    return unbroken(d.isInteger() ? withCurrency(formatNumber(d, this.lang, 0), this.lang, this.currency) : formatMoney(d, this.lang, this.currency));
  }

  percent(v: Dec | number): string {
    return unbroken(formatPercent(v, this.lang));
  }

  /** `0,4`, `1,2`, `300`, `12 345`. */
  number(v: Dec | number): string {
    return unbroken(formatDecimal(v, this.lang, 4));
  }

  /** A value of a metric as the owner reads it: money, a percent, or a number. */
  value(metric: string, v: Dec): string {
    switch (metricKind(metric)) {
      case 'money': return this.money(v);
      case 'ratio': return this.percent(v);
      default: return this.number(v);
    }
  }

  /** `01.11.2026` / `2026-11-01`. */
  date(day: LocalDate): string {
    return this.lang === 'ru' ? `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}` : day;
  }

  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return msg(this.lang, key, params);
  }

  /** A metric as a defined term, in a Russian case: `Выручка` / `Выручки` / `Выручке`. */
  term(metric: string, form: 'nom' | 'gen' | 'dat'): string {
    const key = `reg.term.${metric}.${form}`;
    if (hasMessage(key)) return msg(this.lang, key);
    return msg(this.lang, `reg.term.other.${form}` as MessageKey, { name: metricLabel(metric, this.lang) });
  }

  /** The definition of a metric term. */
  definition(metric: string): string {
    const key = `reg.term.${metric}.def`;
    return hasMessage(key) ? msg(this.lang, key) : msg(this.lang, 'reg.term.other.def');
  }
}

/** The median of the values (the mean of the middle two for an even count); null when there are none. */
export function median(values: readonly Dec[]): Dec | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1].plus(sorted[mid]).dividedBy(2);
}

/** A number never breaks across lines in a paragraph: its spaces (`30 000 ₽`, `3 %`) become no-break spaces. */
export function unbroken(text: string): string {
  return text.replace(/ /g, '\u00a0');
}
