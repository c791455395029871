/**
 * A progress bar on stderr for long runs: drawn only when stderr is a terminal, and only once the
 * run has taken more than two seconds (a small workbook never shows one). Redrawn in place
 * (`\r`), at most ten times a second; `done()` clears the line so the messages that follow start clean.
 */
export interface Progress {
  /** `fraction` of the whole run (0…1) is done. */
  update(fraction: number): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { update: () => {}, done: () => {} };

const WIDTH = 30;

export function progressBar(write: (text: string) => void, now: () => number = () => Date.now(), delayMs = 2000): Progress {
  const started = now();
  let lastDraw = 0;
  let shown = false;
  return {
    update(fraction) {
      const t = now();
      if (t - started < delayMs || t - lastDraw < 100) return;
      lastDraw = t;
      shown = true;
      const f = Math.max(0, Math.min(1, fraction));
      const full = Math.round(f * WIDTH);
      write(`\r[${'#'.repeat(full)}${'.'.repeat(WIDTH - full)}] ${String(Math.round(f * 100)).padStart(3)} %`);
    },
    done() {
      if (shown) write(`\r${' '.repeat(WIDTH + 8)}\r`);
      shown = false;
    },
  };
}
