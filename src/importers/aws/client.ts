import { EMRClient, type EMRClientConfig } from '@aws-sdk/client-emr';
import { EmrRetryStrategy } from './retry-strategy.js';

/** How to reach EMR: every field optional, the SDK's default chain fills the rest. */
export interface EmrClientSettings {
  region?: string;
  /** A profile of the shared config and credentials files (like `AWS_PROFILE`). */
  profile?: string;
  /** An endpoint to use instead of EMR's regional one (see resolveEndpointUrl). */
  endpointUrl?: string;
  /** Replaces the import's retry strategy (retry-strategy.ts); tests pass one with tiny delays. */
  retryStrategy?: EMRClientConfig['retryStrategy'];
}

/**
 * Attempts per call: EMR throttles its List and Describe calls per account, so an import of a
 * whole fleet waits longer than the SDK's default 3 attempts allow. Nine retries after throttles
 * wait ~55 s in all on average, 111 s at most (ceilings 1, 2, 4, 8, 16, then 20 s, full
 * jitter), and a call failing 40% of the time gives up once in ~10,000. `AWS_MAX_ATTEMPTS` still wins.
 */
export const MAX_ATTEMPTS = 10;

/**
 * The endpoint to call: the flag, else `AWS_ENDPOINT_URL_EMR`, else `AWS_ENDPOINT_URL`, the
 * order of the AWS SDKs' service-specific endpoints
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
export function resolveEndpointUrl(flag: string | undefined, env: Record<string, string | undefined>): string | undefined {
  return flag || env.AWS_ENDPOINT_URL_EMR || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * An EMR client that retries throttling and 5xx answers with backoff: with EmrRetryStrategy
 * (retry-strategy.ts says why not the SDK's modes), or the strategy the caller gives (tests),
 * or the SDK's own mode when `AWS_RETRY_MODE` names one (`standard` or `adaptive`, read by the
 * SDK; https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html).
 * `AWS_MAX_ATTEMPTS`, read by the SDK, wins over MAX_ATTEMPTS in every case; the profile's
 * `retry_mode` and `max_attempts` are not read. Credentials come from the SDK's default chain
 * (environment, `profile`, SSO, web identity, container, instance metadata); nothing here reads
 * or prints them.
 */
export function createEmrClient(settings: EmrClientSettings, env: Record<string, string | undefined>): EMRClient {
  // The SDK warns on every client built on Node 20; emr2k8s supports Node 20 on purpose.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const endpoint = settings.endpointUrl;
  // The strategy asks the client's resolved maxAttempts (AWS_MAX_ATTEMPTS, else MAX_ATTEMPTS)
  // at each retry, so the number in the SDK's `amz-sdk-request` header and the real one agree.
  const strategy = settings.retryStrategy ?? (env.AWS_RETRY_MODE ? undefined : new EmrRetryStrategy(() => client.config.maxAttempts()));
  const client: EMRClient = new EMRClient({
    ...(settings.region && { region: settings.region }),
    ...(settings.profile && { profile: settings.profile }),
    ...(endpoint && { endpoint }),
    ...(strategy && { retryStrategy: strategy }),
    ...(!env.AWS_MAX_ATTEMPTS && { maxAttempts: MAX_ATTEMPTS }),
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
  });
  return client;
}
