/**
 * Loads the BUILT add-on (`build/Code.js`, made by `npm run build`) into a fresh `node:vm`
 * context, the way Apps Script runs it: one global scope, the bundle evaluated once at the top
 * level, every top-level `function NAME(` becoming a global that Sheets, the menu and
 * `google.script.run` can call.
 *
 * ```ts
 * import { loadBundle } from '../harness/loadBundle';
 * const gas = loadBundle({ SpreadsheetApp: fakeSpreadsheetApp });   // extra/overriding globals
 * gas.call('KPI_COMMISSION', 1000000, 0.05);                        // → 50000
 * gas.call('KPI_COMMISSION', [[100], [''], [300]], 0.1);            // ranges are 2-D arrays
 * const d = gas.date(2026, 10, 22);                                 // a Date from the vm realm
 * gas.get('__KpiPayouts');                                          // any global
 * ```
 *
 * Cross-realm traps: objects made inside the vm are not `instanceof` the test's classes. Check
 * dates with `Object.prototype.toString.call(v) === '[object Date]'`, and errors by message:
 * `expect(() => gas.call(...)).toThrow(/KPI_COMMISSION: base, row 3/)` works (it reads `.message`).
 * Arrays passed in from the test realm work as Sheets' ranges do (`Array.isArray` is cross-realm).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const BUNDLE_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../build/Code.js');

export interface LoadedBundle {
  /** The vm context: the script's one global object (what `this` is at its top level). */
  context: vm.Context;
  /** Calls a global function of the script, as Sheets would; throws when it is not a function. */
  call(name: string, ...args: unknown[]): any;
  /** Reads a global of the script (a function, `__KpiPayouts`, a stub you passed in…). */
  get(name: string): any;
  /** `new Date(...args)` made inside the vm realm, like the Dates Sheets passes to scripts. */
  date(...args: unknown[]): Date;
}

export interface LoadOptions {
  /** Another bundle file (default: build/Code.js). */
  path?: string;
  /** The script source itself, instead of reading a file. */
  code?: string;
}

/** Minimal Apps Script services: enough for code that only logs, reads the user locale or formats a date. */
export function defaultGlobals(): Record<string, unknown> {
  const logs: unknown[][] = [];
  return {
    console,
    Logger: { log: (...args: unknown[]) => { logs.push(args); }, getLog: () => logs.map((a) => a.join(' ')).join('\n'), clear: () => { logs.length = 0; } },
    Session: {
      getActiveUserLocale: () => 'en',
      getScriptTimeZone: () => 'Europe/Moscow',
      getActiveUser: () => ({ getEmail: () => '' }),
      getEffectiveUser: () => ({ getEmail: () => '' }),
    },
    Utilities: {
      formatDate: (date: Date, timeZone: string, pattern: string) => formatDate(date, timeZone, pattern),
      sleep: () => undefined,
      getUuid: () => 'uuid-' + Math.random().toString(16).slice(2),
    },
  };
}

/**
 * Runs the built script in a fresh global scope. `globals` are added to (and override) the
 * default stubs; pass e.g. a fake `SpreadsheetApp`, `HtmlService`, `PropertiesService`, `LockService`.
 */
export function loadBundle(globals: Record<string, unknown> = {}, options: LoadOptions = {}): LoadedBundle {
  const path = options.path ?? BUNDLE_PATH;
  const code = options.code ?? readFileSync(path, 'utf8');
  const sandbox: Record<string, unknown> = { ...defaultGlobals(), ...globals };
  const context = vm.createContext(sandbox);
  vm.runInContext(code, context, { filename: path });
  // Top-level `const`/`let` are globals without being properties of the global object: ask the script itself.
  const get = (name: string) =>
    /^[A-Za-z_$][\w$]*$/.test(name) ? vm.runInContext(`typeof ${name} === 'undefined' ? undefined : ${name}`, context) : (context as any)[name];
  const VmDate = vm.runInContext('Date', context) as DateConstructor;
  return {
    context,
    get,
    call(name: string, ...args: unknown[]) {
      const fn = get(name);
      if (typeof fn !== 'function') throw new Error(`build/Code.js has no global function ${name}`);
      return fn.apply(context, args);
    },
    date: (...args: unknown[]) => new (VmDate as any)(...args),
  };
}

/** A Date made inside a loaded bundle's realm (same as `bundle.date(...)`). */
export function vmDate(bundle: LoadedBundle, ...args: unknown[]): Date {
  return bundle.date(...args);
}

/** A small subset of Apps Script's `Utilities.formatDate` patterns: yyyy, MM, dd, HH, mm, ss. */
function formatDate(date: Date, timeZone: string, pattern: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return pattern
    .replace(/yyyy/g, get('year'))
    .replace(/MM/g, get('month'))
    .replace(/dd/g, get('day'))
    .replace(/HH/g, get('hour'))
    .replace(/mm/g, get('minute'))
    .replace(/ss/g, get('second'));
}

/** What scripts/build.mjs writes at the start of the comment that holds the rest's source text. */
const REST_MARKER = '/*kpi-payouts:rest\n';

/**
 * build/Code.js in its two parts (issue 11): `atLoad`, the code V8 compiles and runs on every
 * load (stubs and custom functions), and `rest`, the source of everything else, kept in one
 * comment (`*` `/` written `*@!/`) and compiled on first use. Without the marker, all of it is `atLoad`.
 */
export function bundleParts(code: string = readFileSync(BUNDLE_PATH, 'utf8')): { atLoad: string; rest: string } {
  const at = code.indexOf(REST_MARKER);
  if (at < 0) return { atLoad: code, rest: '' };
  const end = code.indexOf('*/', at + REST_MARKER.length);
  return { atLoad: code.slice(0, at) + code.slice(end + 2), rest: code.slice(at + REST_MARKER.length, end).split('*@!/').join('*/') };
}
