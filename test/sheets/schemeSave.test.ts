/**
 * SPEC §10.3, saving a scheme on the built script: only the Schemes table's own cells are written
 * (a side table in N:O survives, no row is inserted or deleted), and a name that reads as another
 * scheme's (`Партнерская схема` / `Партнёрская схема`) is refused without confirm, saying which.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { SCHEME_TEMPLATES } from '../../src/core/templates';
import { schemesWithSideTable } from './schemeFixtures';

const partner = SCHEME_TEMPLATES.find((t) => t.id === 'seed002')!;

const side = (ss: ReturnType<typeof schemesWithSideTable>['ss']) => ss._sheet('Схемы')!._dump().map((r) => r.slice(13, 15));

describe('saving a scheme writes only inside the Schemes table', () => {
  it('growing «Партнёрская схема» to 4 rules: its rows 3–4, then the free rows 6–7; the N:O side table and «Базовая» untouched', () => {
    const { ss, gas } = schemesWithSideTable();
    const before = side(ss);
    const base = ss._sheet('Схемы')!._dump().filter((r) => r[0] === 'Базовая');
    ss.io.reset();
    const r = gas.call('saveScheme', 'Партнёрская схема', partner.rules.slice(0, 4));
    expect(r.saved).toBe(true);
    expect(side(ss).slice(0, before.length)).toEqual(before);
    expect(ss._sheet('Схемы')!._dump().filter((row) => row[0] === 'Базовая')).toEqual(base);
    expect(ss._sheet('Схемы')!._dump().map((row) => row[0])).toEqual(['схема', 'Базовая', 'Партнёрская схема', 'Партнёрская схема', 'Базовая', 'Партнёрская схема', 'Партнёрская схема']);
    expect(ss.io.calls.insertRowsAfter ?? 0).toBe(0);
    expect(ss.io.calls.insertRowsBefore ?? 0).toBe(0);
    expect(ss.io.calls.deleteRows ?? 0).toBe(0);
    expect(ss.io.calls.deleteColumns ?? 0).toBe(0);
  });

  it('deleting a scheme blanks its A:K cells; N:O stays', () => {
    const { ss, gas } = schemesWithSideTable();
    const before = side(ss);
    gas.call('deleteScheme', 'Базовая');
    expect(side(ss)).toEqual(before);
    expect(ss._sheet('Схемы')!._dump().map((row) => row[0])).toEqual(['схема', '', 'Партнёрская схема', 'Партнёрская схема', '', '']);
  });
});

describe('names that read as another scheme’s', () => {
  it('a new «Партнерская схема» (е for ё) is refused without confirm, naming «Партнёрская схема» and its 2 rules; nothing written', () => {
    const { ss, gas } = schemesWithSideTable();
    ss.io.reset();
    const r = gas.call('saveScheme', 'Партнерская схема', [{ rule: 'salary', amount: '1' }]);
    expect(r.saved).toBe(false);
    expect(r.collision).toEqual({ existing: 'Партнёрская схема', rules: 2 });
    expect(r.message).toBe(msg('ru', 'ui.scheme.collision', { name: 'Партнерская схема', existing: 'Партнёрская схема', rules: 2 }));
    expect(ss.io.writes()).toEqual({});
  });

  it('with confirm it replaces that scheme’s rows under the new spelling', () => {
    const { ss, gas } = schemesWithSideTable();
    const r = gas.call('saveScheme', 'Партнерская схема', [{ rule: 'salary', amount: '1' }], true);
    expect(r.saved).toBe(true);
    const names = ss._sheet('Схемы')!._dump().map((row) => row[0]);
    expect(names).toEqual(['схема', 'Базовая', 'Партнерская схема', '', 'Базовая', '']);
  });

  it('saving under the scheme’s own name never asks; the same name in other case asks', () => {
    const { gas } = schemesWithSideTable();
    const { drafts } = gas.call('getScheme', 'Партнёрская схема');
    expect(gas.call('saveScheme', 'Партнёрская схема', drafts).saved).toBe(true);
    expect(gas.call('saveScheme', ' Партнёрская   схема ', drafts).saved).toBe(true); // spaces are not a spelling
    expect(gas.call('saveScheme', 'партнёрская схема', drafts).collision).toEqual({ existing: 'Партнёрская схема', rules: 2 });
  });
});
