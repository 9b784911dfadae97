/**
 * Deadlines as instants: an ISO 8601 date and time WITH its offset (`2026-03-01T23:59+09:00`, or
 * `Z` for UTC). A time without an offset is refused — "23:59" in Seoul and on a grading server in
 * UTC are nine hours apart, and a deadline must not depend on where it is read.
 */

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant `text` names; `what` names the option or file in the error. */
export function parseDeadline(text: string, what = '--before'): Date {
  const m = ISO_WITH_OFFSET.exec(text.trim());
  const date = m === null ? undefined : new Date(text.trim());
  const [, , month, day, hour, minute, second] = m ?? [];
  const inRange = m !== null && +month >= 1 && +month <= 12 && +day >= 1 && +day <= 31 && +hour <= 23 && +minute <= 59 && (second === undefined || +second <= 59);
  if (date === undefined || !inRange || Number.isNaN(date.getTime())) {
    throw new RangeError(`${what} must be a date and time with its offset, such as "2026-03-01T23:59+09:00" or "2026-03-01T14:59Z", received ${JSON.stringify(text)}`);
  }
  return date;
}
