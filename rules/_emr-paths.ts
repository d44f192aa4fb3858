/**
 * Paths that exist only on EMR nodes: Hadoop and EMR libraries under `/usr/lib/hadoop*` and
 * `/usr/share/aws/`, the Hive JSON SerDe EMR ships, and the `/docker/usr/...` copies EMR adds
 * for YARN Docker containers (facts §5 "Other EMR defaults"; EMR's spark-defaults).
 */
const EMR_SYSTEM_PATH = /^(file:)?(\/docker)?(\/usr\/lib\/hadoop|\/usr\/share\/aws\/|\/usr\/share\/java\/Hive-JSON-Serde\/)/;

/** Whether a classpath or library-path entry points into EMR's own installation. */
export function isEmrSystemPath(path: string): boolean {
  return EMR_SYSTEM_PATH.test(path.trim());
}

/**
 * Split JVM options the way a shell would group them: on whitespace outside single or double
 * quotes, quotes kept in the token (`-XX:OnOutOfMemoryError='kill -9 %p'` stays whole).
 */
export function splitJavaOptions(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (/\s/.test(ch)) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}
