import type { Sourced } from '../src/rule-api.js';
import { isEnvReference, redactCredentials, REDACTED } from '../src/rule-api.js';

/** An option whose value is a credential: `--password`, `--db-token`, `--api-key`, `-secret`. */
const SECRET_OPTION = /^--?[\w.-]*(password|passwd|pwd|token|secret|api[-_]?key|access[-_]?key|credentials?)[\w.-]*$/i;
/** Options that name where a credential is, not the credential itself. */
const NOT_SECRET_OPTION = /(file|path|dir|location|provider|class|type|enabled|url|uri|arn)$/i;

function isSecretOption(arg: string): boolean {
  return SECRET_OPTION.test(arg) && !NOT_SECRET_OPTION.test(arg);
}

/**
 * Application arguments with credentials taken out (facts: nothing secret reaches a manifest):
 * the value of a secret-named option (`--token X`, `--password=X`) and credentials inside any
 * argument (a JDBC URL's password, `Bearer …`, an AWS access key id) become REDACTED; the rest
 * of each argument stays for people to read. `redacted` lists the arguments that changed.
 */
export function redactArguments(args: readonly Sourced[]): { values: string[]; redacted: Sourced[] } {
  const values: string[] = [];
  const redacted: Sourced[] = [];
  args.forEach((arg, i) => {
    const previous = i > 0 ? (args[i - 1]?.value ?? '') : '';
    let value = arg.value;
    const inline = /^(--?[\w.-]+)=(.+)$/.exec(value);
    if (inline && isSecretOption(inline[1] as string) && !isEnvReference(inline[2] as string)) value = `${inline[1]}=${REDACTED}`;
    else if (isSecretOption(previous) && !value.startsWith('-') && !isEnvReference(value)) value = REDACTED;
    else value = redactCredentials(value);
    values.push(value);
    if (value !== arg.value) redacted.push(arg);
  });
  return { values, redacted };
}
