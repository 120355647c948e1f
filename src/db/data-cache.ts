// Reads kept for the life of the process until the data changes. The data this service serves is
// small (a few tens of thousands of rows) and changes only through imports, mutations and seeding,
// each of which announces itself (see Database.announceChange): so every read is made once, and a
// request in steady state sends no SQL at all.

export class DataCache {
  private entries = new Map<string, Promise<unknown>>();
  private generation = 0;
  /** lookups answered from the cache, and those that read the database (for /metrics) */
  readonly lookups = { hits: 0, misses: 0 };

  /** The cached value of `key`, read once with `read` until the next invalidation. */
  get<T>(key: string, read: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (entry) this.lookups.hits += 1;
    else {
      this.lookups.misses += 1;
      const generation = this.generation;
      entry = read().catch((error: unknown) => {
        // a failed read (database away) is not kept: the next request tries again
        if (this.generation === generation) this.entries.delete(key);
        throw error;
      });
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Forgets everything: the next read of any key goes to the database. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** How many times the cache was emptied (for tests and the benchmark). */
  get invalidations(): number {
    return this.generation;
  }
}

/** The PostgreSQL channel on which every writer announces a change, and every server listens. */
export const CHANGE_CHANNEL = "nl_work_graph_data";
