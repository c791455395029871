// One cold custom-function call as Sheets makes it, in this fresh process (run by functions.ts):
// compile and evaluate build/Code.js in a new node:vm context, then KPI_COMMISSION over 10 000 rows
// once (argv[3]: whole | marginal | unit_margin | rest). Prints one JSON line: wall and CPU of the whole (load + call) and of each part, in ms.
// CPU is the main thread's alone (Linux: /proc/self/task/PID/schedstat, nanoseconds): V8's GC and
// compiler helper threads would otherwise count on top of the time the call takes. Elsewhere it
// falls back to process.cpuUsage() (all threads; `mainThread: false` in the output).
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const code = readFileSync(process.argv[2], 'utf8');
const rows = 10_000;
// A column as Sheets passes it: numbers, 1C text numbers and blanks; a plan column; tiers as text.
const base = Array.from({ length: rows }, (_, i) => [i % 50 === 0 ? '' : i % 3 === 0 ? `${(i * 137) % 2_000_000} ${String(i % 1000).padStart(3, '0')},50` : (i * 7919) % 2_500_000 + 0.25]);
const plan = Array.from({ length: rows }, () => [1_000_000]);
const mode = process.argv[3] ?? 'whole';

const schedstat = `/proc/self/task/${process.pid}/schedstat`;
let mainThread = true;
try {
  readFileSync(schedstat, 'utf8');
} catch {
  mainThread = false;
}
const pause = new Int32Array(new SharedArrayBuffer(4));
/** CPU time so far, ms: the main thread's (schedstat's first field, ns), else the process's. */
function cpuNow() {
  // schedstat is brought up to date when the thread is switched out (else it lags by up to a
  // scheduler tick, 4 ms): sleep 0.2 ms first. The sleep adds 0.2 ms of wall, no CPU.
  if (mainThread) {
    Atomics.wait(pause, 0, 0, 0.2);
    return Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
  }
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const c0 = cpuNow();
const t0 = performance.now();
const context = vm.createContext({});
new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
const c1 = cpuNow();
const t1 = performance.now();
// `unit_margin`: UNIT_MARGIN over the same column as prices, a cost column, 10 units, 5 % (no budget; for comparison).
const cost = mode === 'unit_margin' ? base.map(([b]) => [typeof b === 'number' ? Math.round(b * 60) / 100 : b]) : null;
// `rest`: the first use of the rest of the add-on (menu, sidebar, generation), which build/Code.js compiles then
// from its text (issue 11): what a menu or sidebar call pays on top of the load before its own work.
const out =
  mode === 'rest' ? (typeof vm.runInContext('__KpiPayouts.onOpen', context) === 'function' ? base : [])
  : cost ? vm.runInContext('UNIT_MARGIN', context)(base, cost, 10, 0.05)
  : vm.runInContext('KPI_COMMISSION', context)(base, '0:3%; 100%:5%; 120%:7%', plan, mode);
const t2 = performance.now();
const c2 = cpuNow();
if (out.length !== rows) throw new Error(`the call gave ${out.length} rows`);
const r = (x) => Math.round(x * 100) / 100;
process.stdout.write(`${JSON.stringify({ wall: r(t2 - t0), cpu: r(c2 - c0), loadWall: r(t1 - t0), loadCpu: r(c1 - c0), callWall: r(t2 - t1), callCpu: r(c2 - c1), mainThread })}\n`);
