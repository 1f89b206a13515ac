// Counts failed sign-ins and invitation acceptances per key (a sign-in name, an invitation code's
// hash, a client address) over a sliding window. In memory: the API is one process, a counter
// costs no database write an attacker could drive, and a restart forgetting it only gives a
// guesser one more window. Success does not count, so a user who signs in daily is never slowed.
export interface ThrottleLimits {
  /** Failures per key within the window before the key is refused. */
  max: number;
  windowMs: number;
}

export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => Date) {}

  private recent(key: string, windowMs: number): number[] {
    const since = this.now().getTime() - windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfterMs(key: string, limits: ThrottleLimits): number {
    const kept = this.recent(key, limits.windowMs);
    if (kept.length < limits.max) return 0;
    // The oldest failure that still keeps the count at the limit has to leave the window.
    return kept[kept.length - limits.max]! + limits.windowMs - this.now().getTime();
  }

  fail(key: string, limits: ThrottleLimits): void {
    const kept = this.recent(key, limits.windowMs);
    kept.push(this.now().getTime());
    this.failures.set(key, kept.slice(-limits.max));
    if (this.failures.size > 100_000) this.prune(limits.windowMs);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private readonly announced = new Map<string, number>();

  /** True for the first refusal of a key's lock (lasting `retryMs`): the one worth an audit row. */
  firstRefusal(key: string, retryMs: number): boolean {
    const now = this.now().getTime();
    const until = this.announced.get(key);
    if (until !== undefined && until > now) return false;
    this.announced.set(key, now + retryMs);
    return true;
  }

  private prune(windowMs: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, windowMs);
    const now = this.now().getTime();
    for (const [key, until] of this.announced) if (until <= now) this.announced.delete(key);
  }
}
