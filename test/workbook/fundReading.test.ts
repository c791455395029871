/**
 * The company fund's rate reads two ways like any rate (issue 9 leftovers, SPEC §10.2 + §14): in
 * scheme `*`, `фонд` on margin with a bare `20` may mean 20 % or 2 000 % — an issue on that cell
 * suggesting `20%` or `0,2`, the fund invalid, and so nobody is paid a guess. Spelled, it pays.
 */
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import type { RawWorkbook } from '../../src/workbook/raw';
import type { CellValue } from '../../src/core/numbers';
import { RULE_READINGS } from '../../src/core/readings';
import { isPercentField } from '../../src/sidebar/ruleForm';

const raw = (fundRate: CellValue): RawWorkbook => ({
  timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null,
  sheets: [
    { name: 'Сделки', values: [['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Себестоимость', 'Статус'], ['05.10.2026', 'Иванов', 'ООО Ромашка', 300000, 200000, 'успешно']] },
    { name: 'Планы', values: [['Период', 'Менеджер', 'Схема', 'Выручка'], ['2026-10', 'Иванов', 'Ст', 1000000]] },
    { name: 'Схемы', values: [
      ['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'],
      ['Ст', 'оклад', '', '', 10000],
      ['Ст', 'процент', 'выручка', '10%', ''],
      ['*', 'фонд', 'маржа', fundRate, ''],
    ] },
  ],
});
const run = (fundRate: CellValue) => runPayouts(raw(fundRate), { period: '2026-10', today: '2026-11-05' });

describe('company_limit rate: read like any rate', () => {
  it('is in RULE_READINGS as a rate', () => {
    expect(RULE_READINGS.company_limit).toEqual({ rate: 'rate' });
    // …and the wizard's fund rate is a % field: 40 typed is saved as 40 %.
    expect(isPercentField('company_limit', 'rate')).toBe(true);
  });

  it('«20» (20 % or 2 000 %?): an issue on Схемы row 4, column «ставка», and Иванов withheld', () => {
    const { json, issues } = run(20);
    const cell = issues.filter((i) => i.sheet === 'Схемы' && i.row === 4);
    expect(cell.map((i) => [i.column, i.value, i.code])).toEqual([['ставка', '20', 'rtAmbiguousRate']]);
    expect(cell[0].message).toContain('20%');
    expect(cell[0].message).toContain('0,2');
    expect(json.managers).toEqual([]);
    expect(issues.some((i) => i.code === 'engIssueInvalidScheme' && i.value === '*')).toBe(true);
  });

  it('«20%» and «0,2» pay the same hand-worked sum: the fund scales the variable part', () => {
    // Variable: 10 % × 300 000 = 30 000. Fund: 20 % × margin (300 000 − 200 000) = 20 000 < 30 000,
    // so the variable is scaled to 20 000; total = 10 000 salary + 20 000 = 30 000.
    for (const rate of ['20%', '0,2']) {
      const { json, issues } = run(rate);
      expect(issues.filter((i) => i.sheet === 'Схемы')).toEqual([]);
      expect(json.managers.map((m) => [m.manager, m.total])).toEqual([['Иванов', 30000]]);
    }
  });
});
