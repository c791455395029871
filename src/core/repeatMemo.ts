/**
 * A per-run memo for values that repeat (a price list's amounts and costs, 1C number texts, the
 * parts of repeated amounts split the same way): it pays while most lookups hit, and switches
 * itself off when they don't, as 100 000 distinct amounts would only fill a big map for the collector.
 */
export class RepeatMemo<K, V> {
  private readonly map = new Map<K, V>();
  private lookups = 0;
  private hits = 0;
  private active = true;

  /** Off once lookups mostly miss: callers then skip building what they would store. */
  get enabled(): boolean {
    return this.active;
  }

  get(key: K): V | undefined {
    if (!this.active) return undefined;
    this.lookups++;
    const value = this.map.get(key);
    if (value !== undefined) this.hits++;
    return value;
  }

  set(key: K, value: V): void {
    if (!this.active) return;
    if (this.lookups >= 4096 && this.hits * 2 < this.lookups) {
      this.active = false;
      this.map.clear();
      return;
    }
    this.map.set(key, value);
  }
}
