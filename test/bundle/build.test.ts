/**
 * The pushed file: each custom function a top-level `function NAME(` with its JSDoc, nothing
 * that Apps Script cannot run, no service touched while loading; and the build's own refusals.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PATH } from '../harness/loadBundle';

const ROOT = resolve(__dirname, '../..');
const code = () => readFileSync(BUNDLE_PATH, 'utf8');

const CUSTOM_FUNCTIONS: Record<string, string[]> = {
  KPI_COMMISSION: ['base', 'rate_or_tiers', 'plan', 'mode'],
  KPI_TIER: ['value', 'tiers', 'plan'],
  KPI_NEXT_TIER: ['base', 'tiers', 'plan', 'mode'],
  KPI_INDEX: ['facts', 'targets', 'weights', 'cap'],
  UNIT_MARGIN: ['price', 'cost', 'quantity', 'variable_rate', 'fixed_costs'],
  UNIT_MARGIN_PCT: ['price', 'cost', 'variable_rate'],
  UNIT_BREAKEVEN: ['fixed_costs', 'price', 'cost', 'variable_rate'],
};

describe('build/Code.js', () => {
  it.each(Object.entries(CUSTOM_FUNCTIONS))('%s is a top-level function with its JSDoc, @param per parameter, an example and @customfunction', (name, params) => {
    const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\) \\{\\n  return __KpiPayouts\\.${name}\\.apply\\(this, arguments\\);`).exec(code());
    expect(match, `no stub for ${name}`).not.toBeNull();
    const [, doc, paramList] = match!;
    expect(paramList.split(', ')).toEqual(params);
    expect(doc).toContain('@customfunction');
    expect(doc).toMatch(/@return /);
    expect(doc).toMatch(new RegExp(`Example: =${name}\\(`));
    for (const p of params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p}\\]? \\S`));
  });

  it('exposes onOpen and onInstall as top-level functions', () => {
    expect(code()).toMatch(/\nfunction onOpen\(e\) \{/);
    expect(code()).toMatch(/\nfunction onInstall\(e\) \{/);
  });

  it('holds no import or export statement', () => {
    expect(code()).not.toMatch(/^\s*import\s+[\w{*'"]/m);
    expect(code()).not.toMatch(/^\s*export\s+(\{|\*|default|const|let|var|function|class)/m);
  });

  it('loads without touching any service, and the trap does fire once a function needs one', () => {
    const touched: string[] = [];
    const sandbox: Record<string, unknown> = {};
    for (const service of ['SpreadsheetApp', 'Session', 'PropertiesService', 'HtmlService', 'LockService', 'ScriptApp', 'Utilities', 'Logger', 'CacheService', 'UrlFetchApp', 'DriveApp']) {
      Object.defineProperty(sandbox, service, { get() { touched.push(service); throw new Error(`${service} touched`); } });
    }
    const context = vm.createContext(sandbox);
    vm.runInContext(code(), context);
    expect(touched).toEqual([]);
    // Custom functions need no service either.
    expect(vm.runInContext('KPI_COMMISSION(1000000, 0.05)', context)).toBe(50000);
    expect(touched).toEqual([]);
    // onOpen does: proves the getters really trap.
    expect(() => vm.runInContext('onOpen({ authMode: "NONE" })', context)).toThrow(/touched/);
    expect(touched.length).toBeGreaterThan(0);
  });
});

describe('scripts/build.mjs refuses a bad entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-build-'));
  const run = (source: string) => {
    const entry = join(dir, `main-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(entry, source);
    const out = join(dir, 'out');
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--entry', entry, '--outdir', out], { encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr, code: () => readFileSync(join(out, 'Code.js'), 'utf8') };
  };

  it('a custom function without @customfunction', () => {
    const r = run('/** Doubles.\n * @param {number} x A number.\n */\nexport function DOUBLE(x: number) { return 2 * x; }\n');
    expect(r.status).toBe(1);
    expect(r.output).toContain('DOUBLE: a custom function (ALL_CAPS) needs @customfunction');
  });

  it('a parameter without @param', () => {
    const r = run('/** Adds.\n * @param {number} x A number.\n * @customfunction\n */\nexport function ADD(x: number, y: number) { return x + y; }\n');
    expect(r.status).toBe(1);
    expect(r.output).toContain("ADD: parameter 'y' has no @param");
  });

  it('an export name ending with _ (private in Apps Script)', () => {
    const r = run('export function helper_() { return 1; }\n');
    expect(r.status).toBe(1);
    expect(r.output).toContain("helper_: an export name ending with '_' is private in Apps Script");
  });

  it('top-level work that touches a service', () => {
    const r = run('declare const SpreadsheetApp: any;\nconst ss = SpreadsheetApp.getActive();\nexport function getName() { return ss.getName(); }\n');
    expect(r.status).toBe(1);
    expect(r.output).toContain('fails at load time');
  });

  it('a good entry: stubs for functions, arrow functions and renamed re-exports, with their JSDoc', () => {
    const lib = join(dir, 'lib.ts');
    writeFileSync(lib, '/** Triples.\n * @param {number} x A number.\n * @return {number} 3x.\n * @customfunction\n */\nexport function TRIPLE(x: number) { return 3 * x; }\nexport const hello = (name: string, ...rest: string[]) => `hi ${name}${rest.length}`;\nexport type T = number;\n');
    const r = run(`export * from '${lib.replace(/\.ts$/, '')}';\nexport { hello as greet } from '${lib.replace(/\.ts$/, '')}';\n`);
    expect(r.status, r.output).toBe(0);
    expect(r.code()).toContain('/** Triples.\n * @param {number} x A number.\n * @return {number} 3x.\n * @customfunction\n */\nfunction TRIPLE(x) {');
    expect(r.code()).toContain('function hello(name, ...rest) {');
    expect(r.code()).toContain('function greet(name, ...rest) {\n  return __KpiPayouts.greet.apply(this, arguments);');
    const context = vm.createContext({});
    vm.runInContext(r.code(), context);
    expect(vm.runInContext('TRIPLE(5) + greet("a", "b")', context)).toBe('15hi a1');
  });

  it('prints one line per output with its size', () => {
    const lib = join(dir, 'ok.ts');
    writeFileSync(lib, 'export function ping() { return 1; }\n');
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--entry', lib, '--outdir', join(dir, 'ok')], { encoding: 'utf8' });
    expect(out).toMatch(/build\/Code\.js\s+\d+\.\d KB {2}\(1 global functions\)/);
  });
});

describe('build/Sidebar.html', () => {
  const path = resolve(ROOT, 'build/Sidebar.html');
  it.runIf(existsSync(resolve(ROOT, 'src/sidebar/main.tsx')))('is one self-contained page: script and style inline, no closing tag inside the script', () => {
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html.match(/<script>/g)?.length).toBe(1);
    expect(html.match(/<\/script/gi)?.length).toBe(1); // only the closing tag: `</script` inside the code is escaped
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
  });
});
