/**
 * SPEC §10.2 "Metric names": one normaliser for Schemes, Plans headers and the KPI sheet, and
 * the nearest known name for a typo.
 */
import { describe, expect, it } from 'vitest';
import { canonicalMetric } from '../../../src/core/metricNames';
import { BUILT_IN_METRICS, nearestMetric } from '../../../src/core/schemeMetrics';
import { metricOfText } from '../../../src/workbook/headers';

describe('canonicalMetric', () => {
  it('punctuated names match themselves however they are spelled around the words', () => {
    expect(['NPS, %', 'nps', 'NPS (%)'].map(canonicalMetric)).toEqual(['nps', 'nps', 'nps']);
    expect(['Звонки/день', 'звонки день', 'Звонки / день'].map(canonicalMetric)).toEqual(['звонки_день', 'звонки_день', 'звонки_день']);
    expect(['KPI-1', 'kpi 1'].map(canonicalMetric)).toEqual(['kpi_1', 'kpi_1']);
    expect(['Качество №1', 'качество номер 1'].map(canonicalMetric)).toEqual(['качество_номер_1', 'качество_номер_1']);
  });

  it('built-ins in either language, with units and plan words: revenue, new_clients', () => {
    expect(['Выручка', 'Выручка, руб.', 'План выручки', 'Revenue, $', 'Маржа (₽)'].map(canonicalMetric)).toEqual(['revenue', 'revenue', 'revenue', 'revenue', 'margin']);
    expect(['new clients', 'Новые_клиенты', 'Количество новых клиентов'].map(canonicalMetric)).toEqual(['new_clients', 'new_clients', 'new_clients']);
  });

  it('the reader reads Plans headers and KPI metric cells through the same normaliser', () => {
    for (const text of ['NPS, %', 'Звонки/день', 'KPI-1', 'Качество №1', 'План выручки']) expect(metricOfText(text)).toBe(canonicalMetric(text));
  });
});

describe('nearestMetric', () => {
  it('выручкаа → выручка; an exact name and a far word have no guess', () => {
    expect(nearestMetric('выручкаа', BUILT_IN_METRICS)).toBe('выручка');
    expect(nearestMetric('Новые клиенты!', BUILT_IN_METRICS)).toBeNull(); // exact after normalising: not a typo of something else
    expect(nearestMetric('совсем другое', BUILT_IN_METRICS)).toBeNull();
  });
});
