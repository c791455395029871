/**
 * Bad input (SPEC §7): every row that cannot be used is an issue naming the sheet, the row as
 * Sheets shows it, the column header as written and the value — and is left out of the input.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/workbook/read';
import type { Issue } from '../../src/core/issues';
import { rawWorkbook } from '../fixtures/rawWorkbooks';

const where = (i: Issue) => ({ code: i.code, sheet: i.sheet, row: i.row, column: i.column, value: i.value });

function badWorkbook(locale = 'ru_RU') {
  return rawWorkbook(
    {
      'Сделки': [
        ['№ сделки', 'Дата', 'Менеджер', 'Сумма', 'Себестоимость', 'Статус'], // row 1
        ['1', '22.11.2026', 'Иванов', 'abc', '', ''], // 2: amount not a number
        ['2', '31.11.2026', 'Иванов', '100', '', ''], // 3: no 31 November
        ['3', '', 'Иванов', '100', '', ''], // 4: date blank
        ['4', '22.11.2026', '', '100', '', ''], // 5: manager blank
        ['5', '22.11.2026', 'Иванов', '', '', ''], // 6: amount blank
        ['6', '22.11.2026', 'Иванов', '100', '', 'в работе'], // 7: unknown status
        [7, '22.11.2026', 'Иванов', '100', '', ''], // 8: fine
        ['7', '23.11.2026', 'Петров', '200', '', ''], // 9: id 7 again
        ['', '', '', '', '', ''], // 10: blank, skipped
        ['8', '22.11.2026', 'Иванов', '100', '12%x', ''], // 11: cost not a number
      ],
      'Оплаты': [
        ['Номер сделки', 'Дата', 'Сумма'],
        ['7', '25.11.2026', '50'], // 2: fine
        ['99', '25.11.2026', '50'], // 3: no deal 99
        ['', '25.11.2026', '50'], // 4: id blank
        [1, '25.11.2026', '50'], // 5: deal 1 was left out, so it is not there either
        ['7', 'завтра', '50'], // 6: bad date
      ],
      'Планы': [
        ['Период', 'Менеджер', 'Схема', 'Выручка'],
        ['2026-13', 'Иванов', 'S', '100'], // 2: no month 13
        ['2026-11', '', 'S', '100'], // 3: manager blank
        ['2026-11', 'Иванов', '', '100'], // 4: scheme blank
        ['2026-11', 'Иванов', 'S', 'много'], // 5: bad metric value
        ['', 'Иванов', 'S', '1'], // 6: period blank
        ['2026-11', 'Иванов', 'S', '1 000'], // 7: fine
      ],
      'Показатели': [
        ['Период', 'Менеджер', 'Показатель', 'Значение'],
        ['2026-11', 'Иванов', 'Контакты', 'n/a'], // 2
        ['2026-11', 'Иванов', '', '5'], // 3
        ['2026-11', 'Иванов', 'Контакты', ''], // 4
        ['2026-11', 'Иванов', 'Контакты', '300'], // 5: fine
      ],
      'Схемы': [
        ['схема', 'правило', 'ставка'],
        ['', 'оклад', ''], // 2: no scheme above to continue
        ['S', 'оклад', ''], // 3: fine
        ['', 'процент', '5%'], // 4: continues S
        ['S', '', '5%'], // 5: rule blank
      ],
      'Менеджеры': [
        ['Менеджер', 'E-mail'],
        ['Иванов', 'ivanov'], // 2: not an address
        ['', 'a@b.c'], // 3
        ['Петров', ''], // 4
        ['Петров', 'Petrov@Example.com'], // 5: fine
      ],
    },
    { locale },
  );
}

describe('row issues', () => {
  const r = readWorkbook(badWorkbook());

  it('name sheet, row, column and value of every bad row', () => {
    expect(r.issues.map(where)).toEqual([
      { code: 'bad_number', sheet: 'Сделки', row: 2, column: 'Сумма', value: 'abc' },
      { code: 'bad_date', sheet: 'Сделки', row: 3, column: 'Дата', value: '31.11.2026' },
      { code: 'missing_date', sheet: 'Сделки', row: 4, column: 'Дата', value: '' },
      { code: 'missing_manager', sheet: 'Сделки', row: 5, column: 'Менеджер', value: '' },
      { code: 'missing_amount', sheet: 'Сделки', row: 6, column: 'Сумма', value: '' },
      { code: 'unknown_status', sheet: 'Сделки', row: 7, column: 'Статус', value: 'в работе' },
      { code: 'duplicate_deal_id', sheet: 'Сделки', row: 9, column: '№ сделки', value: '7' },
      { code: 'bad_optional_cell', sheet: 'Сделки', row: 11, column: 'Себестоимость', value: '12%x' }, // deal kept, cost blank
      { code: 'unknown_deal_id', sheet: 'Оплаты', row: 3, column: 'Номер сделки', value: '99' },
      { code: 'missing_deal_id', sheet: 'Оплаты', row: 4, column: 'Номер сделки', value: '' },
      { code: 'unknown_deal_id', sheet: 'Оплаты', row: 5, column: 'Номер сделки', value: '1' },
      { code: 'bad_date', sheet: 'Оплаты', row: 6, column: 'Дата', value: 'завтра' },
      { code: 'bad_period', sheet: 'Планы', row: 2, column: 'Период', value: '2026-13' },
      { code: 'missing_manager', sheet: 'Планы', row: 3, column: 'Менеджер', value: '' },
      { code: 'missing_scheme', sheet: 'Планы', row: 4, column: 'Схема', value: '' },
      { code: 'plan_target_dropped', sheet: 'Планы', row: 5, column: 'Выручка', value: 'много' }, // row kept, target dropped
      { code: 'missing_period', sheet: 'Планы', row: 6, column: 'Период', value: '' },
      { code: 'bad_metric_value', sheet: 'Показатели', row: 2, column: 'Значение', value: 'n/a' },
      { code: 'missing_metric', sheet: 'Показатели', row: 3, column: 'Показатель', value: '' },
      { code: 'missing_value', sheet: 'Показатели', row: 4, column: 'Значение', value: '' },
      { code: 'missing_scheme', sheet: 'Схемы', row: 2, column: 'схема', value: '' },
      { code: 'missing_rule', sheet: 'Схемы', row: 5, column: 'правило', value: '' },
      { code: 'bad_email', sheet: 'Менеджеры', row: 2, column: 'E-mail', value: 'ivanov' },
      { code: 'missing_manager', sheet: 'Менеджеры', row: 3, column: 'Менеджер', value: '' },
      { code: 'missing_email', sheet: 'Менеджеры', row: 4, column: 'E-mail', value: '' },
    ]);
  });

  it('leave those rows out and keep the rest', () => {
    expect(r.input.deals.map((d) => d.ref.row)).toEqual([8, 11]); // 11: a bad optional cost reads as blank
    expect(r.input.deals[1].cost).toBeNull();
    expect(r.input.deals[1].amount.toString()).toBe('100');
    expect(r.input.deals[0].id).toBe('7'); // a number cell 7 and a text cell '7' are the same id
    expect(r.input.payments!.map((p) => p.ref.row)).toEqual([2]);
    expect(r.input.plans.map((p) => p.ref.row)).toEqual([5, 7]); // 5: the bad revenue target is dropped, the row stays
    expect(r.input.plans[0].targets).toEqual({});
    expect(r.input.kpiFacts.map((k) => [k.ref.row, k.metric, k.value.toString()])).toEqual([[5, 'contacts', '300']]);
    expect(r.input.schemeRows.map((s) => [s.ref.row, s.scheme, s.rule])).toEqual([[3, 'S', 'оклад'], [4, 'S', 'процент']]);
    expect([...r.managerEmails]).toEqual([['petrov@example.com', 'Петров']]);
  });

  it('say what is wrong in Russian for a ru locale', () => {
    const text = (row: number, sheet = 'Сделки') => r.issues.find((i) => i.row === row && i.sheet === sheet)!.message;
    expect(text(2)).toBe('«abc» в столбце «Сумма» — не число; строка не учтена.');
    expect(text(3)).toBe('«31.11.2026» в столбце «Дата» — не дата (пишите 22.11.2026 или 2026-11-22); строка не учтена.');
    expect(text(7)).toBe('Неизвестный статус «в работе» (пишите «успешно», «проиграна» или «отменена»); строка не учтена.');
    expect(text(9)).toBe('Номер сделки «7» уже есть в строке 8; эта строка не учтена.');
    expect(text(3, 'Оплаты')).toBe('На листе «Сделки» нет сделки с номером «99»; оплата не учтена.');
    expect(text(2, 'Планы')).toBe('«2026-13» в столбце «Период» — не период (пишите 2026-11 или 2026-Q4); строка не учтена.');
  });

  it('and in English otherwise', () => {
    const en = readWorkbook(badWorkbook('en_US'));
    expect(en.issues.map(where)).toEqual(r.issues.map(where));
    expect(en.issues[0].message).toBe('"abc" in column "Сумма" is not a number; the row is left out.');
    expect(en.issues[4].message).toBe('The amount is blank in column "Сумма"; the row is left out.');
    expect(en.issues[6].message).toBe('Deal id "7" already appears in row 8; this row is left out.');
  });

  it('quote a Date cell as its day in the sheet time zone', () => {
    const raw = rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма'], [new Date('2026-11-30T22:30:00Z'), 'A', 'x']] });
    expect(readWorkbook(raw).issues.map(where)).toEqual([{ code: 'bad_number', sheet: 'Сделки', row: 2, column: 'Сумма', value: 'x' }]);
    const plans = rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма']], 'Планы': [['Период', 'Менеджер', 'Схема'], [new Date('2026-11-30T22:30:00Z'), '', 'S']] });
    expect(readWorkbook(plans).issues.map(where)).toEqual([{ code: 'missing_manager', sheet: 'Планы', row: 2, column: 'Менеджер', value: '' }]);
  });

  it('report every problem of a row, not just the first', () => {
    const raw = rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма'], ['вчера', '', 'много']] });
    expect(readWorkbook(raw).issues.map((i) => i.code)).toEqual(['bad_date', 'missing_manager', 'bad_number']);
  });
});

describe('money columns and totals lines', () => {
  it('a percentage in a money column is an issue, not 0.125 rubles', () => {
    const r = readWorkbook(rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма', 'Себестоимость'], ['22.11.2026', 'A', '12,5%', ''], ['22.11.2026', 'A', '100', '60%']] }));
    expect(r.issues.map(where)).toEqual([
      { code: 'bad_number', sheet: 'Сделки', row: 2, column: 'Сумма', value: '12,5%' },
      { code: 'bad_optional_cell', sheet: 'Сделки', row: 3, column: 'Себестоимость', value: '60%' },
    ]);
    expect(r.issues[0].message).toBe('«12,5%» в столбце «Сумма» — процент, а не сумма; строка не учтена.');
    expect(r.issues[1].message).toBe('«60%» в столбце «Себестоимость» — процент, а не сумма; ячейка считается пустой, сделка учтена.');
    // The cost is optional: the deal of row 3 stays, with its revenue 100 and no cost (so no margin).
    expect(r.input.deals.map((d) => [d.ref.row, d.amount.toString(), d.cost, d.margin])).toEqual([[3, '100', null, null]]);
  });

  it('a 1C «Итого» line under the deals (no date) is not a deal and not an issue; with a date it is read', () => {
    const r = readWorkbook(rawWorkbook({ 'Сделки': [
      ['Дата', 'Менеджер', 'Сумма'],
      ['22.11.2026', 'A', 100],
      ['', 'Итого:', 100], // 3: skipped
      ['', 'ВСЕГО', ''], // 4: skipped
      ['23.11.2026', 'Total', 5], // 5: a manager named Total, with a date: a deal
      ['', 'B', 7], // 6: a real deal without a date: an issue
    ] }));
    expect(r.input.deals.map((d) => [d.ref.row, d.manager])).toEqual([[2, 'A'], [5, 'Total']]);
    expect(r.issues.map(where)).toEqual([{ code: 'missing_date', sheet: 'Сделки', row: 6, column: 'Дата', value: '' }]);
  });

  it('a paid checkbox (TRUE/FALSE, да/нет) means paid in full or not paid', () => {
    const r = readWorkbook(rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма', 'Оплачено'], ['22.11.2026', 'A', 100, true], ['22.11.2026', 'A', 200, false], ['22.11.2026', 'A', 300, 'да'], ['22.11.2026', 'A', 400, '150']] }));
    expect(r.issues).toEqual([]);
    expect(r.input.deals.map((d) => d.paid?.toString() ?? null)).toEqual(['100', null, '300', '150']);
  });
});

describe('sheet issues of optional sheets', () => {
  it('a Plans sheet without a scheme column is not read, and says so', () => {
    const raw = rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма']], 'Планы': [['Период', 'Менеджер', 'Выручка'], ['2026-11', 'A', 1]] });
    const r = readWorkbook(raw);
    expect(r.input.plans).toEqual([]);
    expect(r.issues).toEqual([{
      code: 'sheet_missing_column', sheet: 'Планы', row: null, column: 'схема', value: null,
      message: 'На листе «Планы» нет столбца «схема», поэтому лист не прочитан. Найдены заголовки: Период, Менеджер, Выручка.',
    }]);
  });

  it('an empty Payments tab counts as none; a Payments sheet replaces Deals’ paid columns', () => {
    const deals = [['Номер', 'Дата', 'Менеджер', 'Сумма', 'Оплачено'], ['1', '22.11.2026', 'A', 100, 100]];
    const empty = readWorkbook(rawWorkbook({ 'Сделки': deals, 'Payments': [], 'Планы': [[''], ['', '']] }));
    expect(empty.input.payments).toBeNull();
    expect(empty.input.sheetNames).toMatchObject({ payments: null, plans: null });
    expect(empty.issues).toEqual([]);
    expect(empty.input.deals[0].paid!.toString()).toBe('100'); // Deals' own column, then
    const withPayments = readWorkbook(rawWorkbook({ 'Сделки': deals, 'Оплаты': [['№ сделки', 'Дата', 'Сумма'], ['1', '2026-11-25', '40'], ['1', '2026-12-01', '60']] }));
    expect(withPayments.issues).toEqual([]);
    expect(withPayments.input.payments!.map((p) => [p.dealId, p.date, p.amount.toString()])).toEqual([['1', '2026-11-25', '40'], ['1', '2026-12-01', '60']]);
    expect(withPayments.input.columns.paid).toBe(true);
  });

  it('a mapped optional sheet that does not exist is an issue, not a stop', () => {
    const raw = { ...rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма']] }), mapping: { sheets: { plans: 'План 2027' } } };
    const r = readWorkbook(raw);
    expect(r.issues.map(where)).toEqual([{ code: 'mapped_sheet_missing', sheet: 'План 2027', row: null, column: null, value: null }]);
    expect(r.issues[0].message).toBe('Лист «План 2027», выбранный для роли «Планы», не найден. Найдены листы: "Сделки".');
  });
});
