/**
 * An EMR timestamp as an ISO-8601 UTC string. The AWS CLI prints ISO strings (with an
 * offset) or epoch seconds, possibly fractional, depending on its `cli_timestamp_format`
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html). A string
 * without an offset is read as UTC so the result never depends on the local time zone.
 * Returns undefined when the value is not a time.
 */
export function isoTimestamp(value: string | number): string | undefined {
  let date: Date;
  if (typeof value === 'number' || /^\d+(?:\.\d+)?$/.test(value)) {
    date = new Date(Math.round(Number(value) * 1000));
  } else {
    const hasZone = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(value);
    date = new Date(hasZone || !/\d{2}:\d{2}/.test(value) ? value : `${value}Z`);
  }
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
