/** Who did something, as recorded on an aggregate: enough to show a name without asking the directory again. */
export interface PersonRef {
  readonly userId: string;
  readonly tenantId: string;
  readonly name: string;
}

/** Milliseconds in a day; durations in this domain are whole days. */
export const DAY_MS = 86_400_000;

/** Adds whole days to an ISO date-time and returns an ISO date-time. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}
