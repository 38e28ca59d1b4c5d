/**
 * Paces requests to one service in one region (AWS throttles per account, region and API). Doubles its rate every
 * second until AWS first throttles; then additive increase (about ten requests per second each second) and
 * multiplicative decrease (at most once a second) on throttling, so the rate settles just under the service's limit instead of bouncing off it. The SDK's own adaptive mode backs off so
 * far that a large account took seven times longer than the limit allows (see bench/aws-collection.bench.mjs).
 */
export class Pacer {
  /** Requests per second; starts low and doubles every second until AWS first throttles (a slow start, as in TCP). */
  private rate = 25;
  private slowStart = true;
  private lastRelease = Number.NEGATIVE_INFINITY;
  private readonly waiting: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly recent: number[] = [];
  private lastDecrease = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Waits for this request's turn. The spacing is decided when a request leaves, so a new rate applies at once.
   * When `signal` aborts (the scan's deadline), the request leaves the queue at once and the promise rejects: a queue
   * of thousands at a throttled rate would otherwise take as many seconds to drain.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const onAbort = (): void => {
        const index = this.waiting.indexOf(release);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason as Error);
      };
      const release = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(release);
      this.pump();
    });
  }

  private pump(): void {
    if (this.timer !== undefined) return;
    for (;;) {
      const next = this.waiting[0];
      if (!next) return;
      const now = this.now();
      const due = this.lastRelease + 1000 / this.rate;
      if (now < due) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, Math.ceil(due - now));
        return;
      }
      this.waiting.shift();
      this.lastRelease = now;
      this.recent.push(now);
      while ((this.recent[0] ?? now) < now - 1000) this.recent.shift();
      next();
    }
  }

  /** A clean answer: the rate grows by about ten requests per second, every second. */
  succeeded(): void {
    this.rate += this.slowStart ? 1 : 10 / this.rate;
  }

  /** AWS throttled (the SDK retried, or gave up): slow down to below what was just sent. */
  throttled(): void {
    // Requests already in flight when the limit was hit come back throttled too: that is one signal, not many.
    const now = this.now();
    if (now - this.lastDecrease < 1000) return;
    this.lastDecrease = now;
    this.slowStart = false;
    const observed = Math.max(1, this.recent.length);
    this.rate = Math.max(1, Math.min(this.rate, observed) * 0.8);
  }

  get requestsPerSecond(): number {
    return this.rate;
  }
}
