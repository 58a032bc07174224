import { resolveActor } from '#domain/actors/actor.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import type { Directory } from '#domain/ports/directory.ts';
import type { Result } from '#domain/shared/result.ts';
import { FixedClock, SequentialIds } from './fixed-clock.ts';
import { RecordingDocumentStore } from './recording-store.ts';
import type { FixtureUser } from './test-directory.ts';
import { createTestDirectory, USERS } from './test-directory.ts';

/** A fresh domain over the fixture directory, an in-memory store, a fixed clock and sequential ids. */
export interface Harness {
  readonly access: PartnerAccess;
  readonly store: RecordingDocumentStore;
  readonly clock: FixedClock;
  readonly directory: Directory;
  actor(who: FixtureUser): Promise<UserActor>;
}

/** Builds a harness. */
export function createHarness(): Harness {
  const store = new RecordingDocumentStore();
  const clock = new FixedClock();
  const directory = createTestDirectory();
  const access = createPartnerAccess({ store, directory, clock, ids: new SequentialIds() });
  return { access, store, clock, directory, actor: (who) => resolveActor(directory, USERS[who].tenantId, USERS[who].userId) };
}

/** The value of a successful result; fails the test with the refusal otherwise. */
export function expectOk<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.value;
}
