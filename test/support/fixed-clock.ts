import type { Clock, IdSource } from '#domain/ports/clock.ts';

/** A clock that stands still until a test moves it. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(iso = '2026-03-02T09:00:00.000Z') {
    this.current = new Date(iso);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** Ids `id-1`, `id-2`, … in order. */
export class SequentialIds implements IdSource {
  private n = 0;
  private readonly prefix: string;

  constructor(prefix = 'id') {
    this.prefix = prefix;
  }

  newId(): string {
    this.n += 1;
    return `${this.prefix}-${this.n}`;
  }
}
