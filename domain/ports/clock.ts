/** Time comes in through this port so rules never read the wall clock themselves. */
export interface Clock {
  now(): Date;
}

/** Fresh identifiers (GUIDs for relationships, ids for events). */
export interface IdSource {
  newId(): string;
}
