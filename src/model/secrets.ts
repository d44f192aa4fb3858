/**
 * Settings whose values are secrets. Their values never reach a manifest, report,
 * provenance file, stdout or stderr: rules turn them into Secret references and every
 * writer redacts them.
 */
const SECRET_NAME = /(password|passwd|secret|token|credential|private[._-]?key|access[._-]?key|session[._-]?key|api[._-]?key)/i;

/** Names that match the pattern but hold no secret (class names of providers, file paths, switches). */
const NOT_SECRET = /(credentials?\.provider|credentialsprovider|\.provider(\.mapping)?$|token\.renewal|\.enabled$|\.file$|\.path$|\.location$|\.type$|\.class$|\.timeout$|\.interval$|keystore\.type|\.algorithm$|tokenConfRegex$)/i;

/** Whether a setting name (conf key, env var, classification property) holds a secret value. */
export function isSecretKey(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET.test(name);
}

export const REDACTED = '<redacted>';

/**
 * Credentials written into a value whose name says nothing: a password in a URL's user part
 * (`jdbc:mysql://hive:pw@host/db`), a password or token parameter (`?password=pw`,
 * `;pwd=pw`), an AWS access key id (`AKIA…`, `ASIA…`), a bearer token (`Bearer abc`).
 */
const CREDENTIAL_PATTERNS: RegExp[] = [
  /:\/\/[^/\s:@]+:([^/\s@]+)@/g,
  /[?&;](?:password|passwd|pwd|token|access_token|secret|api_?key)=([^&;\s]+)/gi,
  /\b((?:AKIA|ASIA)[0-9A-Z]{16})\b/g,
  /\bBearer\s+([A-Za-z0-9._~+/=-]+)/g,
];

/**
 * The patterns without the global flag, for testing (a global RegExp keeps `lastIndex` between
 * calls), compiled once, each with a substring its match must contain so that most values are
 * cleared by a cheap `includes` alone. Every setting of every job is checked here.
 */
type CredentialTest = { needs: (value: string) => boolean; pattern: RegExp };
const CREDENTIAL_TESTS: CredentialTest[] = ([
  { needs: (v) => v.includes('://') && v.includes('@'), pattern: CREDENTIAL_PATTERNS[0] as RegExp },
  { needs: (v) => v.includes('='), pattern: CREDENTIAL_PATTERNS[1] as RegExp },
  { needs: (v) => v.includes('AKIA') || v.includes('ASIA'), pattern: CREDENTIAL_PATTERNS[2] as RegExp },
  { needs: (v) => v.includes('Bearer'), pattern: CREDENTIAL_PATTERNS[3] as RegExp },
] satisfies CredentialTest[]).map(({ needs, pattern }) => ({ needs, pattern: new RegExp(pattern.source, pattern.flags.replace('g', '')) }));

/** Whether a value carries credentials inside it, whatever its setting's name. */
export function holdsCredentials(value: string): boolean {
  return CREDENTIAL_TESTS.some((test) => test.needs(value) && test.pattern.test(value));
}

/** The value with every embedded credential replaced by REDACTED, the rest kept for people to read. */
export function redactCredentials(value: string): string {
  return CREDENTIAL_PATTERNS.reduce(
    (text, pattern, i) =>
      // The same substring precheck as holdsCredentials: a pattern whose required text is absent cannot match.
      CREDENTIAL_TESTS[i]?.needs(text) === false ? text : text.replace(pattern, (whole: string, secret: string) => whole.replace(secret, REDACTED)),
    value,
  );
}

/**
 * Whether a value must not be shown or written under `name`: a literal under a secret name, or
 * credentials inside it whatever the name. A pointer to an environment variable is always safe.
 * Every writer and viewer (emitters, explain, review, the answers file) asks this one question.
 */
export function mustWithhold(name: string, value: string): boolean {
  return !isEnvReference(value) && (isSecretKey(name) || holdsCredentials(value));
}

/** A setting whose value must not be written: a secret name, or credentials inside the value. */
export function isSecretSetting(name: string, value: string): boolean {
  return isSecretKey(name) || holdsCredentials(value);
}

/**
 * A value that only points at an environment variable (`${env.NAME}` as Hadoop's
 * Configuration expands it, `${env:NAME}` as Spark's ConfigReader does): what the secrets
 * rule writes in place of a secret, safe to write.
 */
export function isEnvReference(value: string): boolean {
  return /^\$\{env[.:][A-Za-z_][A-Za-z0-9_]*\}$/.test(value);
}
