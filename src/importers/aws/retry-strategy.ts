/**
 * How the SDK's retry middleware classifies a failed attempt (@smithy/core/retry
 * `getRetryErrorType`): THROTTLING for 429 and throttling codes (EMR's `ThrottlingException`),
 * TRANSIENT for 500/502/503/504, timeouts and reset connections.
 */
interface FailedAttempt {
  errorType: 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';
  /** From a `Retry-After` header, when the service sent one. */
  retryAfterHint?: Date;
}

/** What the retry middleware asks of a token: how many retries so far, how long to wait first. */
class RetryToken {
  constructor(
    private readonly retries: number,
    private readonly delayMs: number,
  ) {}
  getRetryCount(): number {
    return this.retries;
  }
  getRetryDelay(): number {
    return this.delayMs;
  }
}

export interface EmrRetryDelays {
  /** First backoff ceiling after a throttled answer (doubles per retry). */
  throttlingBaseMs: number;
  /** First backoff ceiling after a 5xx, a timeout or a reset connection (doubles per retry). */
  transientBaseMs: number;
  /** No single wait is longer. */
  maxDelayMs: number;
}

/**
 * The SDK's own figures (@smithy/core 3.41 `retries-2026-config.ts`, `constants.ts`): 1 s after
 * throttling, 50 ms after other retryable errors, 20 s at most.
 */
export const EMR_RETRY_DELAYS: EmrRetryDelays = { throttlingBaseMs: 1_000, transientBaseMs: 50, maxDelayMs: 20_000 };

/**
 * Retries for the live import: each failed call waits on its own, with "full jitter"
 * exponential backoff (a random wait up to base × 2^retry, at most 20 s), and nothing else
 * slows down. Why not the SDK's modes (src/importers/aws/readme.md has the figures):
 *
 * - `adaptive` puts one client-side token bucket in front of every call. After a throttle it
 *   sets the send rate to 70% of the *measured* rate, which is smoothed from zero at start-up:
 *   a throttle in the first second pins the whole import to ~1 call/s, and each later throttle
 *   cuts it again while the cubic recovery takes tens of seconds. 22 throttles in 273 calls
 *   cost 37 s.
 * - `standard` has a retry quota per client (500 tokens; a retried throttle costs 5, a retried
 *   5xx 14, a success refunds 1 or the last retry's cost): at 30% throttled and 10% 5xx it
 *   drains by about one token a call and then refuses every retry, so a 200-cluster import
 *   fails clusters EMR would have answered a moment later.
 *
 * The import does not need either guard: it runs a fixed number of calls at once
 * (import-clusters.ts, 4 clusters × up to 4 calls), and a call waiting out its backoff holds
 * its slot. So when EMR throttles the account, the import's send rate drops by itself, in
 * proportion to how much it is throttled, and comes back as soon as the answers do, which is
 * the backing off EMR's per-account limits ask for without a minute of slowness after one
 * throttle. Only THROTTLING and TRANSIENT answers are retried, as in the SDK.
 */
export class EmrRetryStrategy {
  readonly mode = 'standard';
  private readonly maxAttempts: () => Promise<number>;

  constructor(
    maxAttempts: number | (() => Promise<number>),
    private readonly delays: EmrRetryDelays = EMR_RETRY_DELAYS,
    private readonly random: () => number = Math.random,
  ) {
    this.maxAttempts = typeof maxAttempts === 'number' ? async () => maxAttempts : maxAttempts;
  }

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new RetryToken(0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, failed: FailedAttempt): Promise<RetryToken> {
    const retries = token.getRetryCount();
    const retryable = failed.errorType === 'THROTTLING' || failed.errorType === 'TRANSIENT';
    // Throwing tells the middleware to give up and rethrow the call's own error.
    if (!retryable || retries + 1 >= (await this.maxAttempts())) throw new Error('No retry token available');
    const base = failed.errorType === 'THROTTLING' ? this.delays.throttlingBaseMs : this.delays.transientBaseMs;
    let delay = Math.floor(this.random() * Math.min(this.delays.maxDelayMs, base * 2 ** retries));
    // A Retry-After from the service wins when longer, within 5 s more, as the SDK does.
    if (failed.retryAfterHint instanceof Date) delay = Math.max(delay, Math.min(failed.retryAfterHint.getTime() - Date.now(), delay + 5_000));
    return new RetryToken(retries + 1, delay);
  }

  /** Nothing to record: no quota to refill, no rate to raise. */
  recordSuccess(): void {}
}
