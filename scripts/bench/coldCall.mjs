// One cold custom-function call as Sheets makes it, in this fresh process (run by functions.ts):
// compile and evaluate build/Code.js in a new node:vm context, then KPI_COMMISSION over 10 000 rows
// once. Prints `wall_ms cpu_ms` (CPU of this process; run it with --single-threaded-gc so GC
// threads do not inflate it).
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const code = readFileSync(process.argv[2], 'utf8');
const rows = 10_000;
const base = Array.from({ length: rows }, (_, i) => [i % 50 === 0 ? '' : i % 3 === 0 ? `${(i * 137) % 2_000_000} ${String(i % 1000).padStart(3, '0')},50` : (i * 7919) % 2_500_000 + 0.25]);
const plan = Array.from({ length: rows }, () => [1_000_000]);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const context = vm.createContext({});
new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
const out = vm.runInContext('KPI_COMMISSION', context)(base, '0:3%; 100%:5%; 120%:7%', plan, 'whole');
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (out.length !== rows) throw new Error(`KPI_COMMISSION gave ${out.length} rows`);
process.stdout.write(`${wall.toFixed(2)} ${((cpu.user + cpu.system) / 1000).toFixed(2)}\n`);
