// Every authenticated request read its credential and its user from the database: two queries
// on the event loop before any work. This process keeps what it read for a few seconds. What this
// process changes (a sign-out, a revoked token, a disabled user, a new password) forgets the
// user's entries at once; a change made by another process (the accounts CLI, a second service)
// takes effect within the time to live.

/** Past this many credentials the expired ones are swept before another is kept. */
const maxEntries = 10_000;

interface Entry {
  value: unknown;
  userId: string;
  at: number;
}

export class CredentialCache {
  readonly #entries = new Map<string, Entry>();
  /** Bumped by forgetUser, so a read that began before a change is not kept after it. */
  #epoch = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The value read for `key` within the time to live, else `read()`'s (kept when it names a user). */
  async get<T>(key: string, read: () => Promise<T>, userOf: (value: T) => string | undefined): Promise<T> {
    const entry = this.#entries.get(key);
    if (entry && this.clock() - entry.at < this.ttlMs) return entry.value as T;
    if (entry) this.#entries.delete(key);
    const epoch = this.#epoch;
    const value = await read();
    const userId = userOf(value);
    if (this.ttlMs > 0 && userId !== undefined && epoch === this.#epoch) {
      if (this.#entries.size >= maxEntries) this.#dropExpired();
      this.#entries.set(key, { value, userId, at: this.clock() });
    }
    return value;
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }

  /** Drops every credential of the user; call it after the change has committed. */
  forgetUser(userId: string): void {
    this.#epoch++;
    for (const [key, entry] of this.#entries) if (entry.userId === userId) this.#entries.delete(key);
  }

  #dropExpired(): void {
    const now = this.clock();
    for (const [key, entry] of this.#entries) if (now - entry.at >= this.ttlMs) this.#entries.delete(key);
  }
}
