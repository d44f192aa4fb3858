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
 * A value that only points at an environment variable (`${env.NAME}` as Hadoop's
 * Configuration expands it, `${env:NAME}` as Spark's ConfigReader does): what the secrets
 * rule writes in place of a secret, safe to write.
 */
export function isEnvReference(value: string): boolean {
  return /^\$\{env[.:][A-Za-z_][A-Za-z0-9_]*\}$/.test(value);
}
