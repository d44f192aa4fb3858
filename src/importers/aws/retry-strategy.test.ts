import { describe, expect, it } from 'vitest';
import { EMR_RETRY_DELAYS, EmrRetryStrategy } from './retry-strategy.js';

/** Every wait the strategy hands out until it gives up, for one kind of failure. */
async function waitsUntilGivingUp(strategy: EmrRetryStrategy, errorType: 'THROTTLING' | 'TRANSIENT'): Promise<number[]> {
  const waits: number[] = [];
  let token = await strategy.acquireInitialRetryToken();
  for (;;) {
    try {
      token = await strategy.refreshRetryTokenForRetry(token, { errorType });
    } catch {
      return waits;
    }
    waits.push(token.getRetryDelay());
  }
}

describe('EmrRetryStrategy', () => {
  it('backs off exponentially from 1 s after throttling, up to 20 s, and stops at the last attempt', async () => {
    const strategy = new EmrRetryStrategy(10, EMR_RETRY_DELAYS, () => 0.999);
    // Ten attempts are nine retries; each wait is just under its ceiling (random 0.999).
    expect(await waitsUntilGivingUp(strategy, 'THROTTLING')).toEqual([999, 1998, 3996, 7992, 15984, 19980, 19980, 19980, 19980]);
  });

  it('retries 5xx answers and timeouts from 50 ms, with full jitter', async () => {
    expect(await waitsUntilGivingUp(new EmrRetryStrategy(4, EMR_RETRY_DELAYS, () => 0.5), 'TRANSIENT')).toEqual([25, 50, 100]);
    expect(await waitsUntilGivingUp(new EmrRetryStrategy(4, EMR_RETRY_DELAYS, () => 0), 'TRANSIENT')).toEqual([0, 0, 0]);
  });

  it('asks for the number of attempts at each retry, so a provider can change it', async () => {
    let attempts = 2;
    const strategy = new EmrRetryStrategy(async () => attempts, EMR_RETRY_DELAYS, () => 0);
    expect(await waitsUntilGivingUp(strategy, 'THROTTLING')).toHaveLength(1);
    attempts = 1;
    expect(await waitsUntilGivingUp(strategy, 'THROTTLING')).toHaveLength(0);
  });

  it('does not retry client errors or 5xx answers the SDK calls permanent', async () => {
    const strategy = new EmrRetryStrategy(10);
    const token = await strategy.acquireInitialRetryToken();
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'CLIENT_ERROR' })).rejects.toThrow(/No retry token/);
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'SERVER_ERROR' })).rejects.toThrow(/No retry token/);
  });

  it('keeps retrying however many calls failed before: no quota, no shared slowdown', async () => {
    const strategy = new EmrRetryStrategy(3, EMR_RETRY_DELAYS, () => 0.5);
    for (let call = 0; call < 500; call++) {
      const token = await strategy.acquireInitialRetryToken();
      expect(token.getRetryDelay()).toBe(0);
      expect((await strategy.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT' })).getRetryDelay()).toBe(25);
    }
  });

  it('waits longer when the service sends a Retry-After, at most 5 s over its own backoff', async () => {
    const strategy = new EmrRetryStrategy(10, EMR_RETRY_DELAYS, () => 0.5);
    const token = await strategy.acquireInitialRetryToken();
    const soon = await strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING', retryAfterHint: new Date(Date.now() + 3_000) });
    expect(soon.getRetryDelay()).toBeGreaterThan(2_500);
    expect(soon.getRetryDelay()).toBeLessThanOrEqual(3_000);
    const late = await strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING', retryAfterHint: new Date(Date.now() + 60_000) });
    expect(late.getRetryDelay()).toBe(5_500);
  });
});
