/**
 * What went wrong with an AWS call, told apart so the command can stop (credentials, region:
 * nothing will work) or go on with the other clusters (an unknown cluster, a denied call).
 */
export interface AwsFailure {
  kind: 'credentials' | 'setup' | 'cluster';
  /** One line, never a credential: the error code and EMR's message. */
  message: string;
  hint: string;
}

/**
 * Error codes that mean the credentials are missing, expired or wrong; every call will fail
 * the same way (https://docs.aws.amazon.com/emr/latest/APIReference/CommonErrors.html).
 */
const CREDENTIAL_CODES = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'IncompleteSignature',
  'RequestExpired',
  'TokenProviderError',
]);

const CREDENTIALS_HINT =
  'Log in again (e.g. `aws sso login`), or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or --profile; see docs/importers/aws.md.';

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

/** Classifies an error thrown by the EMR client or its credential and region resolution. */
export function describeAwsError(error: unknown): AwsFailure {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  if (CREDENTIAL_CODES.has(name)) {
    // Provider messages may name files or profiles but never secrets; service messages neither.
    // Still, the line says only what kind of failure it was.
    return { kind: 'credentials', message: `AWS credentials are missing, expired or not valid (${name})`, hint: CREDENTIALS_HINT };
  }
  if (/region is missing/i.test(message)) {
    return { kind: 'setup', message: 'no AWS region is set', hint: 'Pass --region, or set AWS_REGION or a region in your AWS profile.' };
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return {
      kind: 'cluster',
      message: oneLine(`${name}: ${message}`),
      hint: 'Grant the read-only EMR actions listed in docs/importers/aws.md.',
    };
  }
  if (name === 'InvalidRequestException') {
    return { kind: 'cluster', message: oneLine(`${name}: ${message}`), hint: 'Check the cluster id and the region (`aws emr list-clusters`).' };
  }
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (error as { code?: string }).code;
  const what = oneLine(`${name}${code && code !== name ? ` ${code}` : ''}${status ? ` (HTTP ${status})` : ''}: ${message}`);
  return { kind: 'cluster', message: what, hint: 'Retried with backoff and still failing; run the import again for this cluster later.' };
}
