/**
 * The summary's order (issue 16): ranked by what each manager is paid, largest first; equal pay
 * shares a rank (1, 2, 2, 4) and keeps the run's order (by name). The summary tab, its chart and
 * the CLI's console table all list managers in this order.
 */
import type { ManagerPayout } from '../core/model';

export interface RankedManager {
  manager: ManagerPayout;
  rank: number;
}

/** @example rankedManagers([a(100), b(300), c(300)]).map((r) => r.rank) // [1, 1, 3] for b, c, a */
export function rankedManagers(managers: readonly ManagerPayout[]): RankedManager[] {
  const order = managers.map((m, i) => ({ m, i })).sort((x, y) => y.m.total.comparedTo(x.m.total) || x.i - y.i);
  const out: RankedManager[] = [];
  order.forEach(({ m }, k) => {
    const tie = k > 0 && order[k - 1].m.total.equals(m.total);
    out.push({ manager: m, rank: tie ? out[k - 1].rank : k + 1 });
  });
  return out;
}
