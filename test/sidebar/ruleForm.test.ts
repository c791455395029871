import { describe, expect, it } from 'vitest';
import { RULE_FIELDS, RULE_KIND_LIST } from '../../src/sidebar/ruleForm';
import { compactAmount, formatAmount } from '../../src/sidebar/i18n';
import { RULE_KINDS } from '../../src/workbook/schemeSheet';
import { parseRuleKind } from '../../src/core/schemes';

describe('the rule form', () => {
  it('offers every rule kind the engine knows, each by its Schemes-sheet word', () => {
    expect([...RULE_KIND_LIST].sort()).toEqual([...RULE_KINDS].sort());
    for (const kind of RULE_KIND_LIST) expect(parseRuleKind(kind)).toBe(kind);
  });

  it('shows the fields SPEC §2 says each rule uses', () => {
    // SPEC §2 "uses": percent — metric, rate, threshold?, cap?; tiers — metric, tiers, mode, cap?;
    // client_turnover — metric, rate or tiers, months?; kpi — metric, rate = weight, threshold = target, cap.
    expect(RULE_FIELDS.salary).toEqual(['amount']);
    expect(RULE_FIELDS.percent).toEqual(['metric', 'rate', 'threshold', 'cap']);
    expect(RULE_FIELDS.tiers).toEqual(['metric', 'tiers', 'mode', 'cap']);
    expect(RULE_FIELDS.client_turnover).toEqual(['metric', 'rate', 'tiers', 'months']);
    expect(RULE_FIELDS.kpi).toEqual(['metric', 'rate', 'threshold', 'cap']);
    expect(RULE_FIELDS.kpi_gate).toEqual(['threshold']);
    expect(RULE_FIELDS.partner_price).toEqual(['threshold']);
  });
});

describe('chart and list numbers', () => {
  it('formats amounts for display in each language', () => {
    expect(formatAmount(1250000, 'en')).toBe('1,250,000');
    expect(formatAmount(1250000, 'ru')).toBe('1\u202f250\u202f000');
    expect(formatAmount(-2000, 'en')).toBe('-2,000');
  });

  it('labels chart axes compactly: 150 000 → 150K / 150 тыс, 1 500 000 → 1.5M / 1,5 млн', () => {
    expect(compactAmount(150000, 'en')).toBe('150K');
    expect(compactAmount(150000, 'ru')).toBe('150\u00a0тыс');
    expect(compactAmount(1500000, 'en')).toBe('1.5M');
    expect(compactAmount(1500000, 'ru')).toBe('1,5\u00a0млн');
    expect(compactAmount(500, 'en')).toBe('500');
  });
});
