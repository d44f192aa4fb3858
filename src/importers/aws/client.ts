import { EMRClient, type EMRClientConfig } from '@aws-sdk/client-emr';

/** How to reach EMR: every field optional, the SDK's default chain fills the rest. */
export interface EmrClientSettings {
  region?: string;
  /** A profile of the shared config and credentials files (like `AWS_PROFILE`). */
  profile?: string;
  /** An endpoint to use instead of EMR's regional one (see resolveEndpointUrl). */
  endpointUrl?: string;
  /** Replaces the adaptive strategy; tests pass one with a tiny delay. */
  retryStrategy?: EMRClientConfig['retryStrategy'];
}

/**
 * Attempts per call in adaptive mode: EMR throttles its List and Describe calls per account,
 * so an import of a whole fleet waits longer than the SDK's default 3 attempts allow.
 * `AWS_MAX_ATTEMPTS` still wins.
 */
const MAX_ATTEMPTS = 8;

/**
 * The endpoint to call: the flag, else `AWS_ENDPOINT_URL_EMR`, else `AWS_ENDPOINT_URL`, the
 * order of the AWS SDKs' service-specific endpoints
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
export function resolveEndpointUrl(flag: string | undefined, env: Record<string, string | undefined>): string | undefined {
  return flag || env.AWS_ENDPOINT_URL_EMR || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * An EMR client in adaptive retry mode, so throttling and 5xx answers are retried with backoff
 * and the send rate drops while EMR throttles
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html). Credentials come
 * from the SDK's default chain (environment, `profile`, SSO, web identity, container, instance
 * metadata); nothing here reads or prints them.
 */
export function createEmrClient(settings: EmrClientSettings, env: Record<string, string | undefined>): EMRClient {
  // The SDK warns on every client built on Node 20; emr2k8s supports Node 20 on purpose.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const endpoint = settings.endpointUrl;
  return new EMRClient({
    ...(settings.region && { region: settings.region }),
    ...(settings.profile && { profile: settings.profile }),
    ...(endpoint && { endpoint }),
    ...(settings.retryStrategy
      ? { retryStrategy: settings.retryStrategy }
      : { retryMode: 'adaptive', ...(!env.AWS_MAX_ATTEMPTS && { maxAttempts: MAX_ATTEMPTS }) }),
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
  });
}
