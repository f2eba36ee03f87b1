// Closed-loop load: `workers` loops each running one unit of work after another (for a time, or a count), and the
// percentiles of what they measured.

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN; // none: NaN
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    mean: round(sorted.reduce((s, n) => s + n, 0) / (sorted.length || 1)),
  };
}

export interface LoadResult {
  workers: number;
  seconds: number;
  done: number;
  failed: number;
  perSecond: number;
  latency: Latency;
  firstError?: string;
}

/** Samples of one kind of work, possibly gathered over several slices of time (interleaved with other work). */
export class Meter {
  private samples: number[] = [];
  private failed = 0;
  private elapsed = 0;
  private firstError?: string;

  constructor(private readonly workers: number) {}

  /** Runs `unit(worker, run)` in parallel loops while `more()` says so; a unit started is waited for. */
  async drive(more: () => boolean, unit: (worker: number, run: number) => Promise<void>): Promise<this> {
    const start = performance.now();
    await Promise.all(
      Array.from({ length: this.workers }, async (_, worker) => {
        for (let run = 0; more(); run++) {
          const t0 = performance.now();
          try {
            await unit(worker, run);
            this.samples.push(performance.now() - t0);
          } catch (err) {
            this.failed++;
            this.firstError ??= (err as Error).message.slice(0, 300);
          }
        }
      }),
    );
    this.elapsed += (performance.now() - start) / 1000;
    return this;
  }

  /** For `seconds`. */
  during(seconds: number, unit: (worker: number, run: number) => Promise<void>): Promise<this> {
    const deadline = performance.now() + seconds * 1000;
    return this.drive(() => performance.now() < deadline, unit);
  }

  /** `count` units in all. */
  times(count: number, unit: () => Promise<void>): Promise<this> {
    let started = 0;
    return this.drive(() => started++ < count, unit);
  }

  result(): LoadResult {
    return {
      workers: this.workers,
      seconds: Math.round(this.elapsed * 10) / 10,
      done: this.samples.length,
      failed: this.failed,
      perSecond: Math.round((this.samples.length / this.elapsed) * 100) / 100,
      latency: latency(this.samples),
      ...(this.firstError ? { firstError: this.firstError } : {}),
    };
  }
}

export const runCount = async (workers: number, count: number, unit: () => Promise<void>) =>
  (await new Meter(workers).times(count, unit)).result();
