import type { Clock } from '#domain/ports/clock.ts';
import { DAY_MS } from '#domain/shared/person.ts';

/** The wall clock moved by whole days (CLOCK_OFFSET_DAYS): try expiry and reminders ahead of time on a copy of the data. */
export function offsetClock(days: number): Clock {
  return { now: () => new Date(Date.now() + days * DAY_MS) };
}
