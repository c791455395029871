/**
 * Real workbooks as owners have them (SPEC §10, §10.1, §10.2 names, §12 Managers sheet): each with
 * the payout or the exact issue worked out by hand. Scheme `S` everywhere: 10 000 + 5 % of revenue.
 */
import { describe, expect, it } from 'vitest';
import { KpiUserError } from '../../../src/core/issues';
import { nameKey, displayName } from '../../../src/core/ownership';
import { looksAlike } from '../../../src/core/nameCheck';
import { runPayouts } from '../../../src/workbook/pipeline';
import { readWorkbook } from '../../../src/workbook/read';
import type { RawSheet } from '../../../src/workbook/raw';
import { rawWorkbook } from '../../fixtures/rawWorkbooks';
import { AMO_DEALS, BITRIX_DEALS, HEADER_ON_ROW_9, plansFor, SCHEMES, twoDealsSheets } from './workbooks';

const OCT = { period: '2026-10', today: '2026-11-05' };
const totals = (r: ReturnType<typeof runPayouts>) => r.json.managers.map((m) => [m.manager, m.total]);
const issuesOf = (r: { issues: { code: string; sheet: string; row: number | null; column: string | null; value: string | null }[] }, code?: string) =>
  r.issues.filter((i) => !code || i.code === code).map((i) => [i.code, i.sheet, i.row, i.column, i.value]);

function stopsWith(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KpiUserError);
    return (e as Error).message;
  }
  throw new Error('did not stop');
}

describe('CRM exports read as they come', () => {
  it('Bitrix24: Стадия сделки, Бюджет, Компания, Ответственный, Дата закрытия; the open deal is not revenue, not lost, not an issue', () => {
    const r = runPayouts(rawWorkbook({ 'Сделки': BITRIX_DEALS, 'Планы': plansFor('Фёдорова Татьяна'), 'Схемы': SCHEMES }), OCT);
    // Revenue: 300 000 (101, closed 15.10 though created in September) + 100 000 (104) = 400 000;
    // 102 is lost, 103 is open. 10 000 + 5 % × 400 000 = 10 000 + 20 000 = 30 000.
    expect(totals(r)).toEqual([['Фёдорова Татьяна', 30000]]);
    expect(r.issues).toEqual([]);
    const m = r.run.managers[0];
    expect(m.deals.map((d) => [d.id, d.status, d.client])).toEqual([['101', 'won', 'ООО Альфа'], ['102', 'lost', 'ООО Бета'], ['104', 'won', 'ООО Дельта']]);
    // The statement lists no open deal as a sale.
    const tab = r.tabs.find((t) => t.kind !== 'summary')!;
    expect(JSON.stringify(tab.rows)).not.toContain('Подготовка документов');
    expect(tab.rows.flat().filter((c) => c === '103')).toEqual([]);
  });

  it('Bitrix24: the column report says which header each field took and which were ignored', () => {
    const r = runPayouts(rawWorkbook({ 'Сделки': BITRIX_DEALS, 'Планы': plansFor('Фёдорова Татьяна'), 'Схемы': SCHEMES }), OCT);
    expect(r.json.columns!['Сделки']).toEqual({
      date: 'Дата закрытия', manager: 'Ответственный', client: 'Компания', amount: 'Бюджет', cost: null, margin: null,
      status: 'Стадия сделки', paid: null, paid_date: null, deal_id: 'ID', partner_price: null, attracted_by: null, product: null, category: null, deal_type: null, split: null,
    });
    expect(r.json.columns!.ignored).toEqual({
      'Сделки': ['Название сделки', 'Валюта', 'Контакт', 'Дата создания'],
      'Планы': [],
      'Схемы': [],
    });
    expect(r.json.columns!['Планы']).toEqual({ period: 'Период', manager: 'Менеджер', scheme: 'Схема', email: null, revenue: 'Выручка' });
    // The summary tab carries the same report under the issues.
    const summary = r.tabs.find((t) => t.kind === 'summary')!;
    const row = summary.rows.find((cells) => cells[0] === 'Сделки')!;
    expect(row[1]).toContain('status ← «Стадия сделки»');
    expect(row[2]).toBe('«Название сделки», «Валюта», «Контакт», «Дата создания»');
  });

  it('amoCRM: Этап, Контакт as the client without Компания; two open stages left out', () => {
    const r = runPayouts(rawWorkbook({ 'Сделки': AMO_DEALS, 'Схемы': SCHEMES }), OCT);
    // Won: 201 (200 000); 202 lost; 203, 204 open. 10 000 + 5 % × 200 000 = 20 000.
    expect(totals(r)).toEqual([['Котов Андрей', 20000]]);
    expect(r.issues).toEqual([]);
    expect(r.read.input.deals.map((d) => [d.id, d.status, d.client])).toEqual([['201', 'won', 'Анна Белова'], ['202', 'lost', 'Олег']]);
  });

  it('a plain Статус column keeps its meaning: an unknown word is an issue and the row is left out', () => {
    const deals = [['Дата', 'Менеджер', 'Сумма', 'Статус'], ['03.10.2026', 'Иванов', 100000, 'Подготовка документов']];
    const r = readWorkbook(rawWorkbook({ 'Сделки': deals }));
    expect(issuesOf(r)).toEqual([['unknown_status', 'Сделки', 2, 'Статус', 'Подготовка документов']]);
    expect(r.input.deals).toEqual([]);
  });

  it('a CRM stage word in a Статус column reads too (Сделка провалена = lost)', () => {
    const deals = [['Дата', 'Менеджер', 'Сумма', 'Статус'], ['03.10.2026', 'Иванов', 100000, 'Сделка провалена']];
    expect(readWorkbook(rawWorkbook({ 'Сделки': deals })).input.deals[0].status).toBe('lost');
  });
});

describe('names (SPEC §10.2)', () => {
  const decomposed = 'Котов Андреи\u0306'; // й typed as и + combining breve
  const invisible = 'Ко\u00adтов\u200b  Андрей\u200e'; // soft hyphen, zero-width space, two spaces, LRM

  it('one normaliser: NFC, invisible marks removed, spaces collapsed, case-folded, ё → е', () => {
    expect(nameKey(decomposed)).toBe('котов андрей');
    expect(nameKey(invisible)).toBe('котов андрей');
    expect(nameKey('ФЁДОРОВА\u00a0\u00a0Татьяна\ufeff')).toBe('федорова татьяна');
    expect(displayName(' Фе\u0308дорова\u2060 Т. ')).toBe('Фёдорова Т.');
    expect(displayName(decomposed)).toHaveLength('Котов Андрей'.length);
  });

  it('a decomposed й and invisible marks are the same person: one salary, all revenue, no issue', () => {
    const deals = [['Дата', 'Менеджер', 'Сумма'], ['03.10.2026', decomposed, 100000], ['04.10.2026', invisible, 60000], ['05.10.2026', 'Котов Андрей', 40000]];
    const r = runPayouts(rawWorkbook({ 'Сделки': deals, 'Планы': plansFor('Котов Андрей'), 'Схемы': SCHEMES }), OCT);
    // 100 000 + 60 000 + 40 000 = 200 000; 10 000 + 5 % × 200 000 = 20 000.
    expect(totals(r)).toEqual([['Котов Андрей', 20000]]);
    expect(r.issues).toEqual([]);
  });

  it('shown as spelled in Plans, not as in the first Deals row', () => {
    const deals = [['Дата', 'Менеджер', 'Сумма'], ['03.10.2026', 'котов  андрей', 100000]];
    const r = runPayouts(rawWorkbook({ 'Сделки': deals, 'Планы': plansFor('Котов Андрей'), 'Схемы': SCHEMES }), OCT);
    expect(totals(r)).toEqual([['Котов Андрей', 15000]]); // 10 000 + 5 % × 100 000
  });

  it('a manager in Deals but not in Plans is withheld, with an issue on each Deals row naming the closest planned name', () => {
    const deals = [['Дата', 'Ответственный', 'Сумма'],
      ['03.10.2026', 'Фёдорова Татьяна', 100000], ['04.10.2026', 'Фёдорова Т.', 50000], ['05.10.2026', 'Фёдорова Т.', 70000], ['06.09.2026', 'Фёдорова Т.', 1]];
    const r = runPayouts(rawWorkbook({ 'Сделки': deals, 'Планы': plansFor('Фёдорова Татьяна'), 'Схемы': SCHEMES }), OCT);
    expect(totals(r)).toEqual([['Фёдорова Татьяна', 15000]]); // her own 100 000 only: 10 000 + 5 000
    // Rows 3 and 4 (October); row 5 is September and not in this period.
    expect(issuesOf(r)).toEqual([
      ['not_in_plans', 'Сделки', 3, 'Ответственный', 'Фёдорова Т.'],
      ['not_in_plans', 'Сделки', 4, 'Ответственный', 'Фёдорова Т.'],
    ]);
    expect(r.issues[0].message).toBe('«Фёдорова Т.» — нет в Планах за 2026-10; похоже на «Фёдорова Татьяна». Выплата не рассчитана, пока Планы или лист «Сотрудники» (также известен как) не скажут, кто это.');
  });

  it('without Plans and with one scheme, Фёдорова Т. / Татьяна Фёдорова / Федорова Татьяна (опт) are withheld as look-alikes', () => {
    const deals = [['Дата', 'Менеджер', 'Сумма'],
      ['03.10.2026', 'Фёдорова Т.', 100000], ['04.10.2026', 'Татьяна Фёдорова', 50000], ['05.10.2026', 'Федорова Татьяна (опт)', 30000], ['06.10.2026', 'Иванов Пётр', 20000]];
    const r = runPayouts(rawWorkbook({ 'Сделки': deals, 'Схемы': SCHEMES }), OCT);
    expect(totals(r)).toEqual([['Иванов Пётр', 11000]]); // 10 000 + 5 % × 20 000; not three salaries for one person
    expect(issuesOf(r).map((i) => [i[0], i[2], i[4]])).toEqual([
      ['look_alike_names', 3, 'Татьяна Фёдорова'],
      ['look_alike_names', 4, 'Федорова Татьяна (опт)'],
      ['look_alike_names', 4, 'Федорова Татьяна (опт)'],
    ]);
  });

  it('the Managers sheet says who is who: the aliases are one person, paid once on all of it', () => {
    const deals = [['Дата', 'Менеджер', 'Сумма', 'Клиент', 'Привлёк'],
      ['03.10.2026', 'Фёдорова Т.', 100000, 'А', ''], ['04.10.2026', 'Татьяна Фёдорова', 50000, 'Б', ''],
      ['05.10.2026', 'Федорова Татьяна (опт)', 30000, 'В', 'Фёдорова Т.'], ['06.10.2026', 'Иванов Пётр', 20000, 'Г', '']];
    const managers = [['Сотрудник', 'E-mail', 'Также известен как'], ['Фёдорова Татьяна', 'tf@example.com', 'Фёдорова Т.; Татьяна Фёдорова; Федорова Татьяна (опт)']];
    const r = runPayouts(rawWorkbook({ 'Сделки': deals, 'Схемы': SCHEMES, 'Сотрудники': managers }), OCT);
    // 100 000 + 50 000 + 30 000 = 180 000 → 10 000 + 9 000 = 19 000; named as in the Managers sheet.
    expect(totals(r)).toEqual([['Иванов Пётр', 11000], ['Фёдорова Татьяна', 19000]]);
    expect(r.issues).toEqual([]);
    expect(r.read.input.deals[2].attractedBy).toBe('Фёдорова Татьяна');
    expect([...r.read.managerEmails]).toEqual([['tf@example.com', 'Фёдорова Татьяна']]);
  });

  it('look-alike rules: reordered words, a bracketed suffix, compatible initials; different initials are different people', () => {
    expect(looksAlike('Фёдорова Т.', 'Татьяна Фёдорова')).toBe(true);
    expect(looksAlike('Федорова Татьяна (опт)', 'Татьяна Фёдорова')).toBe(true);
    expect(looksAlike('Иванов П.С.', 'Иванов Пётр Сергеевич')).toBe(true);
    expect(looksAlike('Иванов А.', 'Иванов Борис')).toBe(false);
    expect(looksAlike('Анна Петрова', 'Анна Сидорова')).toBe(false);
    expect(looksAlike('Котов Андрей', 'котов  андрей')).toBe(false); // the same name, not a look-alike
  });
});

describe('the Managers sheet (SPEC §12)', () => {
  const managers = [
    ['Менеджер', 'E-mail', 'Также известен как', 'Табельный номер', 'Руководитель', 'Дата приёма'],
    ['Иванов Пётр', 'ivanov@example.com', 'Иванов П.', 7, 'Смирнова Анна', '01.02.2024'], // 2
    ['Смирнова Анна', 'IVANOV@example.com', 'Анна С.', '', '', 'вчера'], // 3: e-mail of row 2 again, bad date
    ['Орлов Виктор', 'orlov@example.com', 'Иванов П.; В. Орлов', '', 'Кузнецов', ''], // 4: an alias of Иванов, an unknown head
    ['иванов  пётр', '', '', '', '', ''], // 5: Иванов again
  ];

  it('reads records and reports its own issues', () => {
    const r = readWorkbook(rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма']], 'Менеджеры': managers }));
    expect(issuesOf(r)).toEqual([
      ['duplicate_email', 'Менеджеры', 3, 'E-mail', 'IVANOV@example.com'],
      ['bad_optional_cell', 'Менеджеры', 3, 'Дата приёма', 'вчера'],
      ['duplicate_manager', 'Менеджеры', 5, 'Менеджер', 'иванов  пётр'],
      ['ambiguous_alias', 'Менеджеры', 4, 'Также известен как', 'Иванов П.'],
      ['unknown_head', 'Менеджеры', 4, 'Руководитель', 'Кузнецов'],
    ]);
    expect(r.input.managers!.map((m) => [m.ref.row, m.manager, m.email, m.aliases, m.employeeId, m.head, m.hired])).toEqual([
      [2, 'Иванов Пётр', null, [], '7', 'Смирнова Анна', '2024-02-01'], // the shared e-mail and the disputed alias dropped
      [3, 'Смирнова Анна', null, ['Анна С.'], null, null, null],
      [4, 'Орлов Виктор', 'orlov@example.com', ['В. Орлов'], null, null, null],
    ]);
    expect([...r.managerEmails]).toEqual([['orlov@example.com', 'Орлов Виктор']]);
  });

  it('without a Managers sheet, Plans’ e-mail column still maps e-mails', () => {
    const plans = [['Период', 'Менеджер', 'Схема', 'Почта'], ['2026-10', 'Иванов', 'S', 'Ivanov@Example.com']];
    const r = readWorkbook(rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма']], 'Планы': plans }));
    expect([...r.managerEmails]).toEqual([['ivanov@example.com', 'Иванов']]);
  });
});

describe('one deals sheet, never a guess', () => {
  it('two candidate sheets and none named exactly Сделки: the run stops, lists them and says how to choose', () => {
    const message = stopsWith(() => readWorkbook(rawWorkbook(twoDealsSheets())));
    expect(message).toBe('Сделки могут быть на нескольких листах: "Сделки 2025", "Сделки 2026", и ни один не называется ровно «Сделки». Отметьте нужный лист — или несколько с одинаковыми столбцами, они читаются как одна таблица — в боковой панели («Схемы мотивации…» → «Листы и столбцы» → «Сделки»), переименуйте его в «Сделки» или в CLI: --deals "Сделки 2025,Сделки 2026".');
  });

  it('the mapping names both: one table; an issue keeps its own sheet and row', () => {
    const r = readWorkbook(rawWorkbook(twoDealsSheets(), { mapping: { sheets: { deals: 'Сделки 2025, Сделки 2026' } } }));
    expect(r.input.deals.map((d) => [d.ref.sheet, d.ref.row, d.amount.toString()])).toEqual([['Сделки 2025', 2, '50000'], ['Сделки 2026', 2, '200000']]);
    expect(issuesOf(r)).toEqual([['bad_number', 'Сделки 2026', 3, 'Сумма', 'много']]);
    expect(r.input.sheetNames.deals).toBe('Сделки 2025, Сделки 2026');
  });

  it('one of them chosen: only it is read', () => {
    const r = readWorkbook(rawWorkbook(twoDealsSheets(), { mapping: { sheets: { deals: 'Сделки 2026' } } }));
    expect(r.input.deals.map((d) => d.ref.sheet)).toEqual(['Сделки 2026']);
  });

  it('sheets with different columns are not one table', () => {
    const sheets = twoDealsSheets();
    sheets[0].values[0] = ['Дата', 'Менеджер', 'Сумма', 'Клиент'];
    const message = stopsWith(() => readWorkbook(rawWorkbook(sheets, { mapping: { sheets: { deals: 'Сделки 2025,Сделки 2026' } } })));
    expect(message).toMatch(/^У листов сделок «Сделки 2025» и «Сделки 2026» разные столбцы/);
  });
});

describe('layout: header anywhere in the first 20 rows, merged cells, formulas with no value', () => {
  it('a header on row 9 under a title block', () => {
    const r = runPayouts(rawWorkbook({ 'Сделки': HEADER_ON_ROW_9, 'Схемы': SCHEMES }), OCT);
    expect(totals(r)).toEqual([['Иванов', 20000]]); // 120 000 + 80 000 = 200 000 → 10 000 + 10 000
    expect(r.read.input.deals.map((d) => d.ref.row)).toEqual([10, 11]);
  });

  it('no header in the first 20 rows: the message says which rows were searched and what they held', () => {
    const values = [['Отчёт'], [''], ['Иванов', 100, 'x'], ...Array.from({ length: 20 }, () => ['…'])];
    const message = stopsWith(() => readWorkbook(rawWorkbook({ 'Сделки': values })));
    expect(message).toBe('Лист «Сделки»: в первых 20 строках нет строки заголовков (Дата, Менеджер, Сумма…). В них: строка 1: "Отчёт"; строка 3: "Иванов", "100", "x"; строка 4: "…"; строка 5: "…"; строка 6: "…"; строка 7: "…".');
  });

  it('a merged manager cell counts for every row of the merge', () => {
    const sheet: RawSheet = {
      name: 'Сделки',
      values: [['Дата', 'Менеджер', 'Сумма'], ['03.10.2026', 'Иванов', 100000], ['04.10.2026', '', 20000], ['05.10.2026', '', 30000]],
      merges: [{ row: 1, col: 1, rows: 3, cols: 1 }],
    };
    const r = runPayouts(rawWorkbook([sheet, { name: 'Схемы', values: SCHEMES }]), OCT);
    expect(r.issues).toEqual([]);
    expect(totals(r)).toEqual([['Иванов', 17500]]); // 150 000 → 10 000 + 7 500
  });

  it('a formula with no saved value is its own issue and its row is left out; in an ignored column it does not matter', () => {
    const sheet: RawSheet = {
      name: 'Сделки',
      values: [['Дата', 'Менеджер', 'Сумма', 'Примечание'], ['03.10.2026', 'Иванов', '', ''], ['04.10.2026', 'Иванов', 20000, '']],
      formulasWithoutValue: [[1, 2], [2, 3]],
    };
    const r = readWorkbook(rawWorkbook([sheet]));
    expect(issuesOf(r)).toEqual([['formula_no_value', 'Сделки', 2, 'Сумма', '']]);
    expect(r.issues[0].message).toBe('В столбце «Сумма» формула без вычисленного значения — откройте и сохраните файл в Excel/Таблицах; строка не учтена.');
    expect(r.input.deals.map((d) => d.ref.row)).toEqual([3]);
  });
});

describe('implausible amounts and dates; empty periods', () => {
  it('1e300 in Сумма, 2e12 in Себестоимость, a date in 1926 or two years ahead: issues, the rows left out', () => {
    const deals = [['Дата', 'Менеджер', 'Сумма', 'Себестоимость'],
      ['03.10.2026', 'Иванов', 1e300, ''], ['04.10.2026', 'Иванов', 5000, 2e12], ['05.10.1926', 'Иванов', 5000, ''],
      ['05.10.2028', 'Иванов', 5000, ''], ['06.10.2026', 'Иванов', 999999999999, '']];
    const r = runPayouts(rawWorkbook({ 'Сделки': deals, 'Схемы': SCHEMES }), OCT);
    expect(issuesOf(r)).toEqual([
      ['implausible_amount', 'Сделки', 2, 'Сумма', '1e+300'],
      ['implausible_amount', 'Сделки', 3, 'Себестоимость', '2000000000000'],
      ['implausible_date', 'Сделки', 4, 'Дата', '05.10.1926'],
      ['implausible_date', 'Сделки', 5, 'Дата', '05.10.2028'], // after 2027-11-05, a year after today
    ]);
    // Only row 6: 999 999 999 999 × 5 % = 49 999 999 999,95 + 10 000.
    expect(totals(r)).toEqual([['Иванов', 50000009999.95]]);
  });

  it('a period with neither Plans rows nor deals stops, listing the periods with data', () => {
    const deals = [['Дата', 'Менеджер', 'Сумма'], ['03.10.2026', 'Иванов', 100], ['03.08.2026', 'Иванов', 100]];
    const message = stopsWith(() => runPayouts(rawWorkbook({ 'Сделки': deals, 'Планы': plansFor('Иванов'), 'Схемы': SCHEMES }), { period: '2026-12', today: '2027-01-10' }));
    expect(message).toBe('За 2026-12 нечего считать: нет ни строк в Планах, ни сделок. Периоды с данными: 2026-08, 2026-10.');
  });

  it('a period with Plans rows and no deals is computed as usual: the salary', () => {
    const r = runPayouts(rawWorkbook({ 'Сделки': [['Дата', 'Менеджер', 'Сумма']], 'Планы': plansFor('Иванов'), 'Схемы': SCHEMES }), OCT);
    expect(totals(r)).toEqual([['Иванов', 10000]]);
  });

  it('a quarter asked of monthly Plans says Plans has no row for that quarter', () => {
    const deals = [['Дата', 'Менеджер', 'Сумма'], ['03.10.2026', 'Иванов', 100]];
    const message = stopsWith(() => runPayouts(rawWorkbook({ 'Сделки': deals, 'Планы': plansFor('Иванов'), 'Схемы': SCHEMES }), { period: '2026-Q4', today: '2027-01-10' }));
    expect(message).toBe('В Планах («Планы») нет строк за 2026-Q4: планы помесячные (2026-10). Посчитайте каждый месяц или добавьте строки за 2026-Q4.');
  });
});
