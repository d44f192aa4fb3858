/**
 * A name the API server takes for an environment variable on every Kubernetes version
 * (apimachinery `IsEnvVarName`: letters, digits, `_`, `-`, `.`, not starting with a digit).
 * A pod with any other name is refused, so the whole job would not start.
 */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export function isEnvVarName(name: string): boolean {
  return ENV_VAR_NAME.test(name);
}
