import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress';

describe('the progress bar', () => {
  it('stays silent for the first two seconds, then draws in place, and clears its line when done', () => {
    let t = 0;
    const out: string[] = [];
    const bar = progressBar((s) => out.push(s), () => t);
    t = 1999;
    bar.update(0.3);
    bar.done();
    expect(out).toEqual([]); // a short run never shows a bar
    t = 2500;
    bar.update(0.5); // 0.5 × 30 = 15 marks
    expect(out).toEqual([`\r[${'#'.repeat(15)}${'.'.repeat(15)}]  50 %`]);
    t = 2550;
    bar.update(0.6); // within 100 ms of the last draw: skipped
    expect(out).toHaveLength(1);
    bar.done();
    expect(out[1]).toBe(`\r${' '.repeat(38)}\r`);
  });
});
