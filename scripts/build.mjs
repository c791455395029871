#!/usr/bin/env node
/**
 * `npm run build`:
 *  - build/Code.js: one top-level delegating stub per export of src/main.ts (through `export *`),
 *    carrying the export's JSDoc and real parameter names, so Sheets' autocomplete, the menu and
 *    google.script.run see plain global functions; then the custom functions bundled as an IIFE
 *    (`var __KpiPayouts = …`), and the rest of src/main.ts as text compiled on first use (see buildCode);
 *  - build/appsscript.json: copied;
 *  - build/Sidebar.html: src/sidebar/main.tsx (Preact) + CSS inlined into one page (when it exists);
 *  - dist/cli.mjs: src/cli/main.ts for Node (when it exists).
 * Fails when a custom function (ALL_CAPS export) lacks `@customfunction` or an `@param` per
 * parameter, when a stub's parameters differ from the source, when the output still holds
 * import/export statements, or when an export name ends with `_` (private in Apps Script).
 */
import { build, transform } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// `--entry FILE --outdir DIR` builds only Code.js from another entry (the build's own tests use it).
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? resolve(argv[argv.indexOf(name) + 1]) : null);
const ENTRY_ONLY = option('--entry') !== null;
const SRC_MAIN = option('--entry') ?? join(ROOT, 'src/main.ts');
const BUILD = option('--outdir') ?? join(ROOT, 'build');
const DIST = join(ROOT, 'dist');
const GLOBAL_NAME = '__KpiPayouts';
const started = performance.now();

class BuildError extends Error {}
const rel = (p) => relative(ROOT, p);

// ---------------------------------------------------------------------------------------------
// Exports of src/main.ts, followed through re-exports, with their JSDoc and parameter names.

/** @typedef {{ name: string, params: string[], jsdoc: string, file: string, kind: 'function' | 'value', local?: string }} ExportInfo */
// `local`: the name in `file` when the export renames it (`export { a as b } from`).

function resolveModule(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new BuildError(`${rel(fromFile)}: cannot resolve '${spec}'`);
}

const parsed = new Map();
function parse(file) {
  if (!parsed.has(file)) {
    const text = readFileSync(file, 'utf8');
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    parsed.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true, kind));
  }
  return parsed.get(file);
}

const hasModifier = (node, kind) => (ts.canHaveModifiers(node) ? ts.getModifiers(node) ?? [] : []).some((m) => m.kind === kind);

/** The last `/** … *\/` comment right before a node, verbatim (re-indented), or ''. */
function leadingJsDoc(sf, node) {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  const docs = ranges.filter((r) => sf.text.startsWith('/**', r.pos));
  if (docs.length === 0) return '';
  const raw = sf.text.slice(docs[docs.length - 1].pos, docs[docs.length - 1].end);
  return raw
    .split('\n')
    .map((line, i) => (i === 0 ? line.trim() : ' ' + line.trim()))
    .join('\n');
}

function paramName(p, i) {
  const name = ts.isIdentifier(p.name) ? p.name.text : `arg${i}`;
  return p.dotDotDotToken ? `...${name}` : name;
}

/** Parameter names documented with @param on a function-like node (or its variable statement). */
function documentedParams(node) {
  const names = new Set();
  for (const tag of ts.getJSDocTags(node)) {
    if (ts.isJSDocParameterTag(tag)) names.add(tag.name.getText());
  }
  return names;
}

function hasTag(node, tagName) {
  return ts.getJSDocTags(node).some((t) => t.tagName.text === tagName);
}

/** Every export of `file` by exported name (following `export *` and `export {…} from`). */
const exportCache = new Map();
function exportsOf(file) {
  if (exportCache.has(file)) return exportCache.get(file) ?? new Map(); // null while in progress: an import cycle
  exportCache.set(file, null);
  const sf = parse(file);
  /** @type {Map<string, ExportInfo>} */
  const out = new Map();
  const add = (info) => {
    if (out.has(info.name) && out.get(info.name).file !== info.file) {
      throw new BuildError(`export ${info.name} is defined twice: ${rel(out.get(info.name).file)} and ${rel(info.file)}`);
    }
    out.set(info.name, info);
  };
  const locals = new Map(); // local declarations, for `export { x }`
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) {
      const info = { name: st.name.text, params: st.parameters.map(paramName), jsdoc: leadingJsDoc(sf, st), file, kind: 'function', node: st };
      locals.set(info.name, info);
      if (hasModifier(st, ts.SyntaxKind.ExportKeyword) && st.body) add(info);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        const init = d.initializer && (ts.isAsExpression(d.initializer) || ts.isSatisfiesExpression?.(d.initializer) ? d.initializer.expression : d.initializer);
        const fnLike = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init));
        const info = {
          name: d.name.text,
          params: fnLike ? init.parameters.map(paramName) : [],
          jsdoc: leadingJsDoc(sf, st),
          file,
          kind: fnLike ? 'function' : 'value',
          node: fnLike ? st : null,
        };
        locals.set(info.name, info);
        if (hasModifier(st, ts.SyntaxKind.ExportKeyword)) add(info);
      }
    } else if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
      const target = st.moduleSpecifier ? resolveModule(file, st.moduleSpecifier.text) : null;
      if (!st.exportClause) {
        for (const info of exportsOf(target).values()) add(info);
      } else if (ts.isNamedExports(st.exportClause)) {
        const from = target ? exportsOf(target) : locals;
        for (const el of st.exportClause.elements) {
          if (el.isTypeOnly) continue;
          const original = (el.propertyName ?? el.name).text;
          const info = from.get(original);
          if (!info) continue; // a type re-export: erased
          add({ ...info, name: el.name.text, local: info.local ?? info.name });
        }
      } else {
        throw new BuildError(`${rel(file)}: 'export * as ns' is not supported in the Apps Script entry`);
      }
    } else if (ts.isClassDeclaration(st) && st.name && hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      add({ name: st.name.text, params: [], jsdoc: '', file, kind: 'value', node: null });
    }
  }
  exportCache.set(file, out);
  return out;
}

function checkExports(exports) {
  const problems = [];
  for (const e of exports.values()) {
    const where = `${rel(e.file)}: ${e.name}`;
    if (e.name.endsWith('_')) problems.push(`${where}: an export name ending with '_' is private in Apps Script`);
    if (e.kind !== 'function') continue;
    if (/^[A-Z][A-Z0-9_]*$/.test(e.name)) {
      if (!hasTag(e.node, 'customfunction')) problems.push(`${where}: a custom function (ALL_CAPS) needs @customfunction in its JSDoc`);
      const documented = documentedParams(e.node);
      for (const p of e.params) {
        const bare = p.replace(/^\.\.\./, '');
        if (!documented.has(bare)) problems.push(`${where}: parameter '${bare}' has no @param`);
      }
    }
  }
  if (problems.length) throw new BuildError(problems.join('\n'));
}

function stubFor(e) {
  const doc = e.jsdoc ? `${e.jsdoc}\n` : '';
  return `${doc}function ${e.name}(${e.params.join(', ')}) {\n  return ${GLOBAL_NAME}.${e.name}.apply(this, arguments);\n}\n`;
}

/** Re-reads the stubs as written and compares their parameters with the source (the bundle after them is esbuild's IIFE). */
function checkStubs(code, exports) {
  const sf = ts.createSourceFile('stubs.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const found = new Map();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) found.set(st.name.text, st.parameters.map(paramName));
    if (ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || ts.isExportAssignment(st) || hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      throw new BuildError(`build/Code.js still holds an import/export statement: ${st.getText().slice(0, 80)}`);
    }
  }
  const problems = [];
  for (const e of exports.values()) {
    if (e.kind !== 'function') continue;
    const got = found.get(e.name);
    if (!got) problems.push(`stub ${e.name} missing from build/Code.js`);
    else if (got.join(',') !== e.params.join(',')) problems.push(`stub ${e.name}(${got}) differs from the source (${e.params})`);
  }
  if (problems.length) throw new BuildError(problems.join('\n'));
}

/** Evaluates the bundle with no services at all: top-level code must not touch any, and every stub must have its target. */
function checkLoads(code, exports) {
  const context = vm.createContext({});
  let missing;
  try {
    vm.runInContext(code, context, { filename: 'build/Code.js' });
    const lib = context[GLOBAL_NAME];
    // Asking for an export of the rest compiles and evaluates it (buildCode): its top level is held to the same rule.
    missing = [...exports.values()].filter((e) => e.kind === 'function' && typeof lib?.[e.name] !== 'function').map((e) => e.name);
  } catch (e) {
    throw new BuildError(`build/Code.js fails at load time (no top-level work or service calls allowed): ${e && e.message}`);
  }
  if (missing.length) throw new BuildError(`${GLOBAL_NAME} lacks: ${missing.join(', ')}`);
}

/**
 * The message tables (src/core/messages/*.ts but index.ts) as JSON text, parsed on first use by
 * messages/index.ts (issue 11): ~170 KB of object literals cost ~20 ms on every custom-function
 * call. The text sits in a comment (inComment: `{ '@json': function () {/*…*\/} }`), which V8
 * skips, where a string literal of it still cost ~3 ms to compile: the plugin leaves a
 * placeholder string that withMessageComments replaces once esbuild has written the bundle.
 * Only for build/Code.js; a message file must stay plain data (`export const x = { key: { en, ru } }`).
 */
const messageTexts = [];
const MESSAGE_PLACEHOLDER = /(["'`])@@kpi-msg:(\d+)@@\1/g;
const withMessageComments = (js) => js.replace(MESSAGE_PLACEHOLDER, (_, quote, i) => inComment('kpi-payouts:messages', messageTexts[Number(i)], MESSAGE_ESCAPE));
const lazyMessages = {
  name: 'lazy-messages',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]messages[\\/]\w+\.ts$/ }, async ({ path }) => {
      if (basename(path) === 'index.ts') return undefined;
      const js = (await transform(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm' })).code;
      let module;
      try {
        module = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
      } catch (e) {
        throw new BuildError(`${rel(path)}: a message file must be plain data with no imports but types (${e && e.message})`);
      }
      const isEntry = (v) => v && typeof v === 'object' && typeof v.en === 'string' && typeof v.ru === 'string';
      const lines = Object.entries(module).map(([name, table]) => {
        if (!table || typeof table !== 'object' || !Object.values(table).every(isEntry)) {
          throw new BuildError(`${rel(path)}: export ${name} is not a table of { en, ru } messages (keep message files plain data)`);
        }
        messageTexts.push(JSON.stringify(table));
        return `export const ${name} = { '@json': ${JSON.stringify(`@@kpi-msg:${messageTexts.length - 1}@@`)} };`;
      });
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

// ---------------------------------------------------------------------------------------------

const isCustomFunction = (e) => e.kind === 'function' && /^[A-Z][A-Z0-9_]*$/.test(e.name);

/** What both parts of build/Code.js are bundled with. */
const CODE_OPTIONS = {
  bundle: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  charset: 'utf8',
  legalComments: 'none',
  // Sheets evaluates the whole file on every custom-function call: less to parse. Identifiers are
  // minified too (279 → ~220 KB; issue 11): the global functions keep their names, JSDoc and
  // parameter names in the stubs above the bundle, which are what Sheets shows.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  plugins: [lazyMessages],
  write: false,
  logLevel: 'silent',
};

/**
 * Text kept in a block comment, to be read back with Function.prototype.toString: V8 skips a
 * comment at ~1 GB/s, where a string literal of the same text costs ~20 ms per 500 KB to compile
 * (measured on node 22: its characters are copied one by one, then hashed). `*` `/` inside the text
 * would end the comment early: each is written as `escape` and put back when read.
 */
function inComment(marker, text, escape) {
  if (text.includes(escape)) throw new BuildError(`${marker}: the text holds ${escape}, which marks an escaped comment end`);
  return `function () {/*${marker}\n${text.split('*/').join(escape)}*/}`;
}
// Messages (read back by src/core/messages/index.ts, which holds this literal) and the rest (whose
// text holds the messages' comments and that literal) need different escapes.
const MESSAGE_ESCAPE = '*@@/';
const REST_ESCAPE = '*@!/';
/** The runtime half of inComment for the rest, as JS source: the text of a function made by inComment. */
const COMMENT_TEXT = `function (f) { var t = String(f); return t.slice(t.indexOf('\\n') + 1, t.lastIndexOf('*/')).split(${JSON.stringify(REST_ESCAPE)}).join('*/'); }`;

/** Marks the rest's source text in build/Code.js (test/harness/loadBundle.ts `bundleParts` finds it). */
const REST_MARKER = 'kpi-payouts:rest';

/**
 * build/Code.js in two parts (issue 11, SPEC §9: Sheets evaluates the whole file on every
 * custom-function call, and a cold KPI_COMMISSION must take ≤ 60 ms with the load):
 *  1. the custom functions (ALL_CAPS exports) and only what they import, bundled as the IIFE
 *     `var __KpiPayouts = …` — compiled and evaluated at every load;
 *  2. everything (menu, sidebar, generation…: src/main.ts whole) bundled again, kept as text in a
 *     comment (inComment) — which V8 skips without parsing — and compiled with `new Function` the
 *     first time one of its exports is asked for on `__KpiPayouts` (a getter).
 * The stubs are the same for both: `return __KpiPayouts.NAME.apply(this, arguments)`.
 */
async function buildCode() {
  const exports = exportsOf(SRC_MAIN);
  checkExports(exports);
  const functions = [...exports.values()].filter((e) => e.kind === 'function');
  const custom = [...exports.values()].filter(isCustomFunction);
  const rest = [...exports.values()].filter((e) => !isCustomFunction(e));
  const [customBundle, restBundle] = await Promise.all([
    custom.length === 0
      ? null
      : build({
          ...CODE_OPTIONS,
          globalName: GLOBAL_NAME,
          stdin: {
            contents: custom.map((e) => `export { ${e.local ?? e.name} as ${e.name} } from ${JSON.stringify(e.file)};`).join('\n'),
            resolveDir: dirname(SRC_MAIN),
            sourcefile: 'custom-functions.ts',
            loader: 'ts',
          },
        }),
    rest.length === 0 ? null : build({ ...CODE_OPTIONS, entryPoints: [SRC_MAIN], globalName: 'kpiPayoutsRest' }),
  ]);
  const header = '// KPI Payouts — built by scripts/build.mjs from src/. Do not edit: edit src/ and run `npm run build`.\n\n';
  const stubs = functions.map(stubFor).join('\n');
  let restText = '';
  let body = customBundle ? withMessageComments(customBundle.outputFiles[0].text) : `var ${GLOBAL_NAME} = {};\n`;
  if (restBundle) {
    // `//# sourceURL` names the compiled text in stack traces and Apps Script's execution log.
    const source = `${withMessageComments(restBundle.outputFiles[0].text)}return kpiPayoutsRest;\n//# sourceURL=KpiPayoutsRest.js`;
    restText = inComment(REST_MARKER, source, REST_ESCAPE);
    body +=
      '// The rest of the add-on (menu, sidebar, generation): compiled on first use, never by a custom function (issue 11).\n' +
      '(function (lib, names, text, commentText) {\n' +
      '  var rest = null;\n' +
      '  var get = function (name) { return function () { return (rest || (rest = new Function(commentText(text))()))[name]; }; };\n' +
      '  for (var i = 0; i < names.length; i++) Object.defineProperty(lib, names[i], { get: get(names[i]), enumerable: true });\n' +
      `})(${GLOBAL_NAME}, ${JSON.stringify(rest.map((e) => e.name))}, ${restText}, ${COMMENT_TEXT});\n`;
  }
  const code = `${header}${stubs}\n${body}`;
  checkStubs(stubs, exports);
  if (/^\s*(import\s+[\w{*'"]|export\s+(\{|\*|default|const|let|var|function|class|async))/m.test(code)) {
    throw new BuildError('build/Code.js still holds an import/export statement');
  }
  checkLoads(code, exports);
  mkdirSync(BUILD, { recursive: true });
  writeFileSync(join(BUILD, 'Code.js'), code);
  copyFileSync(join(ROOT, 'appsscript.json'), join(BUILD, 'appsscript.json'));
  return [
    { file: 'build/Code.js', bytes: Buffer.byteLength(code), note: `${functions.length} global functions` },
    ...(restText ? [{ file: '  of which the rest', bytes: Buffer.byteLength(restText), note: 'text, compiled on first use' }] : []),
    { file: 'build/appsscript.json', bytes: statSync(join(BUILD, 'appsscript.json')).size },
  ];
}

const escapeScript = (js) => js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
const escapeStyle = (css) => css.replace(/<\/style/gi, '<\\/style');

async function buildSidebar() {
  const entry = join(ROOT, 'src/sidebar/main.tsx');
  if (!existsSync(entry)) return [];
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    outdir: join(BUILD, 'sidebar-tmp'),
    loader: { '.css': 'css' },
    metafile: true,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n');
  let css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n');
  const styleFile = join(ROOT, 'src/sidebar/style.css');
  const importedStyle = Object.keys(result.metafile.inputs).some((p) => resolve(ROOT, p) === styleFile);
  if (existsSync(styleFile) && !importedStyle) css = `${readFileSync(styleFile, 'utf8')}\n${css}`;
  const templateFile = join(ROOT, 'src/sidebar/index.html');
  let html = existsSync(templateFile)
    ? readFileSync(templateFile, 'utf8')
    : '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<base target="_top">\n</head>\n<body>\n<div id="app"></div>\n</body>\n</html>\n';
  const styleTag = `<style>\n${escapeStyle(css)}</style>`;
  const scriptTag = `<script>\n${escapeScript(js)}</script>`;
  // Markers `<!-- inline:style -->` / `<!-- inline:script -->` in the template place the blocks; else before </head> / </body>.
  // Replacement functions, so `$&` and friends in the bundle are not read as patterns.
  html = html.includes('<!-- inline:style -->') ? html.replace('<!-- inline:style -->', () => styleTag) : html.replace(/<\/head>/i, () => `${styleTag}\n</head>`);
  html = html.includes('<!-- inline:script -->') ? html.replace('<!-- inline:script -->', () => scriptTag) : html.replace(/<\/body>(?![\s\S]*<\/body>)/i, () => `${scriptTag}\n</body>`);
  if (!html.includes(scriptTag)) throw new BuildError('src/sidebar/index.html: no </body> or <!-- inline:script --> to place the script');
  mkdirSync(BUILD, { recursive: true });
  writeFileSync(join(BUILD, 'Sidebar.html'), html);
  return [{ file: 'build/Sidebar.html', bytes: Buffer.byteLength(html) }];
}

async function buildCli() {
  const entry = join(ROOT, 'src/cli/main.ts');
  if (!existsSync(entry)) return [];
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    charset: 'utf8',
    legalComments: 'none',
    outfile: join(DIST, 'cli.mjs'),
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(DIST, { recursive: true });
  writeFileSync(join(DIST, 'cli.mjs'), result.outputFiles[0].text);
  return [{ file: 'dist/cli.mjs', bytes: Buffer.byteLength(result.outputFiles[0].text) }];
}

function formatError(e) {
  if (e instanceof BuildError) return e.message;
  if (e && Array.isArray(e.errors) && e.errors.length) {
    return e.errors.map((m) => `${m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : ''}${m.text}`).join('\n');
  }
  return e && e.stack ? e.stack : String(e);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

try {
  const outputs = (await Promise.all(ENTRY_ONLY ? [buildCode()] : [buildCode(), buildSidebar(), buildCli()])).flat();
  for (const o of outputs) console.log(`${o.file.padEnd(22)} ${kb(o.bytes).padStart(10)}${o.note ? `  (${o.note})` : ''}`);
  console.log(`built in ${Math.round(performance.now() - started)} ms`);
} catch (e) {
  console.error(`build failed:\n${formatError(e)}`);
  process.exit(1);
}
