import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of the local PostgreSQL server's processes (postmaster and backends), read from /proc, so
 * the benchmark can show where a request's time goes: in Node or in the database. Linux only; on
 * another system, or when PostgreSQL runs elsewhere, `available` is false and readings are NaN.
 *
 * A backend that starts during a run counts from zero; one that ends during a run loses its share.
 * The pools keep their connections for the whole run, so neither happens in practice.
 */
export class DatabaseCpu {
  readonly available: boolean;
  private readonly ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node supports

  constructor() {
    this.available = process.platform === 'linux' && this.pids().length > 0;
  }

  private pids(): number[] {
    const pids: number[] = [];
    let entries: string[];
    try {
      entries = readdirSync('/proc');
    } catch {
      return pids;
    }
    for (const entry of entries) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
      } catch {
        // the process ended meanwhile
      }
    }
    return pids;
  }

  /** User + system CPU milliseconds of PostgreSQL's processes by pid, now. */
  sample(): Map<number, number> {
    const times = new Map<number, number>();
    if (!this.available) return times;
    for (const pid of this.pids()) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name, which is in parentheses and may contain spaces.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
        times.set(pid, (ticks * 1000) / this.ticksPerSecond);
      } catch {
        // the process ended meanwhile
      }
    }
    return times;
  }

  /** CPU milliseconds PostgreSQL spent between `before` and now. */
  since(before: Map<number, number>): number {
    if (!this.available) return NaN;
    let total = 0;
    for (const [pid, ms] of this.sample()) total += ms - (before.get(pid) ?? 0);
    return total;
  }
}
