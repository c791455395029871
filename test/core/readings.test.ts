/**
 * SPEC §10.2 "Rates" in the core: which cells read two ways, per rule and column, and the
 * spellings suggested. (The whole pipeline: test/workbook/twoWays.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import type { SchemeRow } from '../../src/core/model';
import { ambiguousCells, ambiguousTiers, isPercentFormat, RULE_READINGS, spellings } from '../../src/core/readings';

const row = (cells: Partial<SchemeRow>): SchemeRow => ({
  ref: { sheet: 'Схемы', row: 2 }, scheme: 'Т', rule: '', metric: '', rate: '', amount: '', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: '', ...cells,
});

describe('readings', () => {
  it('percent formats: 0%, 0.00%, [Red]0.0% are; "%" in quotes, \\% escaped and General are not', () => {
    expect(['0%', '0.00%', '[Red]0.0%'].map(isPercentFormat)).toEqual([true, true, true]);
    expect(['0" %"', '0\\%', 'General', '', null].map(isPercentFormat)).toEqual([false, false, false, false, false]);
  });

  it('spellings of 10: 10% or 0,1 (ru) / 0.1 (en), and 1 000 % as the other reading; 1.5 → 1,5% or 0,015', () => {
    const plainSpaces = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/[\u00a0\u202f]/g, ' ')]));
    expect(plainSpaces(spellings(dec(10), 'ru'))).toEqual({ percent: '10%', fraction: '0,1', hundredfold: '1 000 %' });
    expect(plainSpaces(spellings(dec(10), 'en'))).toEqual({ percent: '10%', fraction: '0.1', hundredfold: '1,000%' });
    expect(spellings(dec('1.5'), 'ru')).toMatchObject({ percent: '1,5%', fraction: '0,015' });
  });

  it('per rule and column: a percent rate of 10 and threshold of 100 read two ways; the same numbers as an amount or a count do not', () => {
    expect(ambiguousCells('percent', row({ rate: 10, threshold: 100 }), 'ru').map((a) => [a.field, a.key])).toEqual([['rate', 'rtAmbiguousRate'], ['threshold', 'rtAmbiguousAttainment']]);
    expect(ambiguousCells('percent', row({ rate: 1, threshold: 10 }), 'ru')).toEqual([]); // 100 %, 1 000 %: the limits themselves are plain
    expect(ambiguousCells('deal_bonus', row({ amount: 5000, threshold: 10, tiers: '10:5000; 15:10000' }), 'ru')).toEqual([]);
    expect(ambiguousCells('salary', row({ amount: 30000 }), 'ru')).toEqual([]);
    // a percent-formatted cell holds the fraction: 1.5 is 150 %
    expect(ambiguousCells('percent', row({ rate: 1.5, formats: { rate: '0%' } }), 'ru')).toEqual([]);
    expect(ambiguousCells('percent', row({ rate: 1.5 }), 'ru')).toHaveLength(1);
  });

  it('tiers: rates and attainment thresholds rewritten, months and amounts left alone', () => {
    expect(ambiguousTiers('0:3; 100:5; 120:7', RULE_READINGS.tiers.tiers!, 'en')?.suggestion).toBe('0:3%; 100%:5%; 120%:7%');
    expect(ambiguousTiers('0:5; 12:3; 24:1%', RULE_READINGS.client_turnover.tiers!, 'en')?.suggestion).toBe('0:5%; 12:3%; 24:1%');
    expect(ambiguousTiers('0%:3%; 100%:5%', RULE_READINGS.tiers.tiers!, 'en')).toBeNull();
    expect(ambiguousTiers('90%:10000; 100%:20000', RULE_READINGS.plan_bonus.tiers!, 'en')).toBeNull();
    expect(ambiguousTiers('90:10000', RULE_READINGS.plan_bonus.tiers!, 'ru')?.suggestion).toBe('90%:10000');
  });

  it('a rule another area adds opts in by name: team_override rates', () => {
    expect(ambiguousCells('team_override', row({ rate: 2 }), 'en').map((a) => a.field)).toEqual(['rate']);
  });
});
