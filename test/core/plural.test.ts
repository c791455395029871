import { describe, expect, it } from 'vitest';
import { pluralForm } from '../../src/core/messages/index';

describe('plural forms (issue 16: «ещё сделок: 1», "1 more deals")', () => {
  const ru = ['сделка', 'сделки', 'сделок'];
  it.each([
    [1, 'сделка'], [2, 'сделки'], [4, 'сделки'], [5, 'сделок'], [11, 'сделок'], [12, 'сделок'], [14, 'сделок'],
    [21, 'сделка'], [22, 'сделки'], [25, 'сделок'], [101, 'сделка'], [111, 'сделок'], [0, 'сделок'],
  ])('ru %i → %s', (n, form) => expect(pluralForm(n, ru, 'ru')).toBe(form));
  it.each([[1, 'deal'], [0, 'deals'], [2, 'deals'], [21, 'deals']])('en %i → %s', (n, form) => expect(pluralForm(n, ['deal', 'deals'], 'en')).toBe(form));
});

describe('a column of percents lines up (issue 16: «127,9 %» beside «114,11 %»)', () => {
  it('the same decimals on every row', async () => {
    const { formatPercentFixed } = await import('../../src/core/money');
    // 1.279 → 127,90 %, 1.1411 → 114,11 %, 0.603 → 60,30 % (no-break space before %)
    expect([1.279, 1.1411, 0.603].map((v) => formatPercentFixed(v, 'ru'))).toEqual(['127,90\u00a0%', '114,11\u00a0%', '60,30\u00a0%']);
    expect(formatPercentFixed(1.279, 'en')).toBe('127.90%');
  });
});
