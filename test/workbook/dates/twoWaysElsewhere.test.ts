/**
 * Slash dates that read two ways outside Deals (SPEC §10.2: say so, withhold the payout it
 * affects): a Payments date withholds the deal's managers in both months it could fall in; a
 * Managers `hired` date keeps its row and withholds where a guarantee could depend on it.
 * Workbooks in Russian, read with no known order (`dateOrder: null`) or day first (ru_RU).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/numbers';
import { readWorkbook } from '../../../src/workbook/read';
import { runPayouts } from '../../../src/workbook/pipeline';
import type { DateOrder } from '../../../src/core/dateOrder';
import { rawWorkbook } from '../../fixtures/rawWorkbooks';

const TODAY = '2026-11-05';
const MONTHS = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];

/**
 * Scheme S: 10 000 + 5 % of paid revenue (Payments). Deals: D1 Иванов 2026-02-10 300 000,
 * D2 Петров 2026-02-15 100 000. Payments: D1 300 000 on `03/04/2026` (3 April or March 4),
 * D2 100 000 on 2026-03-10, and `05/06/2026` on X9, a deal id Deals does not have.
 */
const paymentSheets = (): Record<string, CellValue[][]> => ({
  'Сделки': [
    ['Номер сделки', 'Дата', 'Менеджер', 'Сумма'],
    ['D1', '2026-02-10', 'Иванов', 300000],
    ['D2', '2026-02-15', 'Петров', 100000],
  ],
  'Оплаты': [
    ['Номер сделки', 'Дата', 'Сумма'],
    ['D1', '03/04/2026', 300000],
    ['D2', '2026-03-10', 100000],
    ['X9', '05/06/2026', 5000],
  ],
  'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка'], ...MONTHS.slice(0, 4).flatMap((p) => [[p, 'Иванов', 'S', 1000000], [p, 'Петров', 'S', 1000000]])],
  'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['S', 'оклад', '', '', 10000], ['S', 'процент', 'оплаченная выручка', '5%', '']],
});

const run = (sheets: Record<string, CellValue[][]>, dateOrder: DateOrder | null, period: string) =>
  runPayouts(rawWorkbook(sheets, { locale: 'ru_RU', dateOrder }), { period, today: TODAY });
const totals = (r: ReturnType<typeof run>) => Object.fromEntries(r.json.managers.map((m) => [m.manager, m.total]));
const where = (r: ReturnType<typeof run>) => r.issues.map((i) => [i.code, i.sheet, i.row, i.column, i.value]);

describe('a Deals date that reads two ways, on a split deal', () => {
  // D1 `03/04/2026` (3 April or March 4) Иванов 300 000 split Иванов 60 % / Петров 40 %, attracted by
  // Сидоров; D2 2026-03-10 Петров 100 000. Scheme: 10 000 + 5 % of revenue.
  const splitSheets = (): Record<string, CellValue[][]> => ({
    'Сделки': [
      ['Номер сделки', 'Дата', 'Менеджер', 'Сумма', 'Доли', 'Привлёк'],
      ['D1', '03/04/2026', 'Иванов', 300000, 'Иванов 60%; Петров 40%', 'Сидоров'],
      ['D2', '2026-03-10', 'Петров', 100000, '', ''],
    ],
    'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка'], ...['2026-03', '2026-04'].flatMap((p) => [[p, 'Иванов', 'S', 1000000], [p, 'Петров', 'S', 1000000], [p, 'Сидоров', 'S', 1000000]])],
    'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['S', 'оклад', '', '', 10000], ['S', 'процент', 'выручка', '5%', '']],
  });

  it('withholds everyone the deal credits — its manager, the split\'s Петров and Сидоров who attracted it — in both months', () => {
    for (const period of ['2026-03', '2026-04']) {
      const r = run(splitSheets(), null, period);
      // Петров would have been paid 10 000 + 5 % × 100 000 = 15 000 in March without his 40 % (5 % × 120 000 = 6 000 more, or in April)
      expect(totals(r), period).toEqual({});
      expect(r.issues.filter((i) => i.code === 'two_way_date_withheld').map((i) => i.message.slice(0, i.message.indexOf(':'))), period).toEqual(['«Иванов»', '«Петров»', '«Сидоров»']);
    }
    // With the order known (day first: 3 April), March pays Петров 10 000 + 5 % × 100 000 = 15 000 and Сидоров his salary.
    expect(totals(run(splitSheets(), 'dmy', '2026-03'))).toEqual({ Иванов: 10000, Петров: 15000, Сидоров: 10000 });
  });
});

describe('a Payments date that reads two ways', () => {
  it('order not known: the payment is left out and Иванов withheld in March and April; Петров paid: March 10 000 + 5 % × 100 000 = 15 000, April 10 000', () => {
    const march = run(paymentSheets(), null, '2026-03');
    expect(totals(march)).toEqual({ Петров: 15000 });
    expect(where(march)).toEqual([
      ['two_way_date', 'Оплаты', 2, 'Дата', '03/04/2026'],
      // X9 is not a deal of the workbook: nobody's payout depends on it, nobody is withheld for it
      ['two_way_date', 'Оплаты', 4, 'Дата', '05/06/2026'],
      ['two_way_date_withheld', 'Оплаты', 2, 'Дата', '03/04/2026'],
    ]);
    expect(march.issues[0].message).toContain('Строка не учтена, выплаты, на которые она влияет, задержаны.');
    expect(march.issues[2].message).toBe('«Иванов»: выплата за 2026-03 задержана, пока дата «03/04/2026» (лист «Оплаты», строка 2) читается двумя способами (2026-04-03 или 2026-03-04).');
    const april = run(paymentSheets(), null, '2026-04');
    expect(totals(april)).toEqual({ Петров: 10000 });
    expect(april.issues.filter((i) => i.code === 'two_way_date_withheld').map((i) => i.message)).toEqual([
      '«Иванов»: выплата за 2026-04 задержана, пока дата «03/04/2026» (лист «Оплаты», строка 2) читается двумя способами (2026-04-03 или 2026-03-04).',
    ]);
  });

  it('order not known: February (the deal\'s month, paid in neither reading) and May pay Иванов 10 000 + 5 % × 0 = 10 000', () => {
    for (const period of ['2026-02', '2026-05']) {
      const r = run(paymentSheets(), null, period);
      expect(totals(r).Иванов, period).toBe(10000);
      expect(r.issues.map((i) => i.code), period).toEqual(['two_way_date', 'two_way_date']);
    }
  });

  it('day first (ru_RU): the payment is 3 April — April pays Иванов 10 000 + 5 % × 300 000 = 25 000, March 10 000; nothing withheld', () => {
    expect(totals(run(paymentSheets(), 'dmy', '2026-04'))).toEqual({ Иванов: 25000, Петров: 10000 });
    expect(totals(run(paymentSheets(), 'dmy', '2026-03'))).toEqual({ Иванов: 10000, Петров: 15000 });
    // 05/06/2026 reads 5 June: only the unknown deal id X9 remains an issue
    expect(where(run(paymentSheets(), 'dmy', '2026-04'))).toEqual([['unknown_deal_id', 'Оплаты', 4, 'Номер сделки', 'X9']]);
  });

  it('a split deal withholds every manager it is credited to', () => {
    const sheets = paymentSheets();
    sheets['Сделки'] = [
      ['Номер сделки', 'Дата', 'Менеджер', 'Сумма', 'Распределение'],
      ['D1', '2026-02-10', 'Иванов', 300000, 'Иванов 50%; Петров 50%'],
      ['D2', '2026-02-15', 'Петров', 100000, ''],
    ];
    const april = run(sheets, null, '2026-04');
    expect(april.json.managers).toEqual([]);
    expect(april.issues.filter((i) => i.code === 'two_way_date_withheld').map((i) => i.message.slice(0, 10))).toEqual(['«Иванов»: ', '«Петров»: ']);
  });
});

/**
 * Scheme «Новичок»: 20 000 + 5 % of revenue, a guarantee of 15 000 for 3 months from the hired
 * date. Новикова: hired `03/04/2026`; deals 100 000 on 2026-03-10 and on 2026-08-10.
 *   Day first, hired 2026-04-03: guaranteed April–July (July starts before 2026-07-03).
 *   Month first, hired 2026-03-04: guaranteed March–June.
 */
const hiredSheets = (scheme = 'Новичок', hired = '03/04/2026', months = 3, periods = MONTHS): Record<string, CellValue[][]> => ({
  'Сделки': [['Дата', 'Менеджер', 'Сумма'], ['2026-03-10', 'Новикова', 100000], ['2026-08-10', 'Новикова', 100000]],
  'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка'], ...periods.map((p) => [p, 'Новикова', scheme, 1000000])],
  'Схемы': [
    ['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма', 'Месяцев'],
    ['Новичок', 'оклад', '', '', 20000, ''],
    ['Новичок', 'процент', 'выручка', '5%', '', ''],
    ['Новичок', 'гарантия', '', '', 15000, months],
    ['Обычная', 'оклад', '', '', 20000, ''],
    ['Обычная', 'процент', 'выручка', '5%', '', ''],
  ],
  'Сотрудники': [['Менеджер', 'Почта', 'Дата приёма'], ['Новикова', 'novikova@example.com', hired]],
});

describe('a Managers hired date that reads two ways', () => {
  it('the row is kept (e-mail and all) with no hired date, and the issue says so rather than «the row is left out»', () => {
    const read = readWorkbook(rawWorkbook(hiredSheets(), { locale: 'ru_RU', dateOrder: null }));
    expect(read.input.managers).toMatchObject([{ manager: 'Новикова', email: 'novikova@example.com', hired: null }]);
    const [issue] = read.issues;
    expect(issue).toMatchObject({ code: 'two_way_date', sheet: 'Сотрудники', row: 2, column: 'Дата приёма', value: '03/04/2026' });
    expect(issue.message).toContain('Строка сотрудника учтена без даты приёма; пока дата неизвестна, его выплата задержана в тех месяцах, где от неё зависит гарантия.');
    expect(issue.message).not.toContain('Строка не учтена');
  });

  it('order not known: withheld March to July (the months either reading guarantees), with an issue naming the scheme', () => {
    for (const period of MONTHS.slice(1, 6)) {
      const r = run(hiredSheets(), null, period);
      expect(r.json.managers, period).toEqual([]);
      expect(where(r), period).toEqual([
        ['two_way_date', 'Сотрудники', 2, 'Дата приёма', '03/04/2026'],
        ['two_way_date_withheld', 'Сотрудники', 2, 'Дата приёма', '03/04/2026'],
      ]);
      expect(r.issues[1].message).toBe(`«Новикова»: выплата за ${period} задержана, пока дата приёма «03/04/2026» (лист «Сотрудники», строка 2) читается двумя способами (2026-04-03 или 2026-03-04): от неё зависит гарантия схемы «Новичок».`);
    }
  });

  it('order not known: February and August are outside the guarantee either way — paid without a guarantee line or a «no hired date» issue', () => {
    // February: 20 000 + 5 % × 0 = 20 000; August: 20 000 + 5 % × 100 000 = 25 000.
    for (const [period, total] of [['2026-02', 20000], ['2026-08', 25000]] as const) {
      const r = run(hiredSheets(), null, period);
      expect(totals(r), period).toEqual({ Новикова: total });
      expect(r.json.managers[0].lines.map((l) => l.rule), period).toEqual(['salary', 'percent']);
      expect(r.issues.map((i) => i.code), period).toEqual(['two_way_date']);
    }
  });

  it('a scheme without a guarantee does not depend on the hired date: March pays 20 000 + 5 % × 100 000 = 25 000', () => {
    const r = run(hiredSheets('Обычная'), null, '2026-03');
    expect(totals(r)).toEqual({ Новикова: 25000 });
    expect(r.issues.map((i) => i.code)).toEqual(['two_way_date']);
  });

  it('day first (ru_RU): hired 3 April — March 25 000 with no guarantee; April 20 000 + max(0, 15 000 − 0) = 35 000', () => {
    expect(totals(run(hiredSheets(), 'dmy', '2026-03'))).toEqual({ Новикова: 25000 });
    const april = run(hiredSheets(), 'dmy', '2026-04');
    expect(totals(april)).toEqual({ Новикова: 35000 });
    expect(april.issues).toEqual([]);
  });

  it('property: whenever a two-way hired date is paid, both readings pay exactly that (never a guess); else it is withheld with an issue', () => {
    const year = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 11 }), (a, b, months, p) => {
        fc.pre(a !== b);
        const hired = `${String(a).padStart(2, '0')}/${String(b).padStart(2, '0')}/2026`;
        const runAs = (order: DateOrder | null) => run(hiredSheets('Новичок', hired, months, year), order, year[p]);
        const pay = (order: DateOrder | null) => totals(runAs(order)).Новикова;
        const guaranteeLine = (order: DateOrder) => runAs(order).json.managers[0].lines.some((l) => l.rule === 'guarantee');
        const unknown = pay(null);
        if (unknown === undefined) {
          expect(runAs(null).issues.map((i) => i.code)).toEqual(['two_way_date', 'two_way_date_withheld']);
          // withheld only where the date matters: at least one reading puts a guarantee line on the statement
          expect(guaranteeLine('dmy') || guaranteeLine('mdy')).toBe(true);
        } else {
          expect([pay('dmy'), pay('mdy')]).toEqual([unknown, unknown]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
