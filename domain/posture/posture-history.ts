import type { DocumentStore, Versioned } from '../ports/document-store.ts';
import type { FindingKind } from './posture-finding.ts';

export const POSTURE_COLLECTION = 'postureSnapshots';
export const POSTURE_INDEX = { byPartner: 'postureByPartner' } as const;

/** The counts of one day's posture check of a partner (the last check of that day). */
export interface PostureSnapshot {
  readonly partnerTenantId: string;
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly checkedDateTime: string;
  readonly counts: Readonly<Record<FindingKind, number>>;
  readonly customers: number;
}

/** Where the posture history lives: one document per partner and day. */
export interface PostureHistoryRepository {
  /** Records the day's snapshot with compare-and-set (a newer check of the same day replaces it; a race keeps one). */
  record(snapshot: PostureSnapshot): Promise<void>;
  /** The partner's snapshots, oldest first, from `fromDay`. */
  list(partnerTenantId: string, fromDay: string): Promise<readonly PostureSnapshot[]>;
}

/** Builds the repository over the document store. */
export function createPostureHistoryRepository(store: DocumentStore): PostureHistoryRepository {
  const idOf = (s: { partnerTenantId: string; day: string }) => `${s.partnerTenantId}/${s.day}`;
  return {
    async record(snapshot) {
      const current: Versioned<PostureSnapshot> | undefined = await store.get<PostureSnapshot>(POSTURE_COLLECTION, idOf(snapshot));
      if (current !== undefined && current.value.checkedDateTime > snapshot.checkedDateTime) return;
      // Another check of the same day writing in between wins: either is that day's posture.
      await store.put(POSTURE_COLLECTION, idOf(snapshot), snapshot, current?.version ?? null, {
        indexes: [{ index: POSTURE_INDEX.byPartner, key: snapshot.partnerTenantId, sort: snapshot.day }],
      });
    },
    async list(partnerTenantId, fromDay) {
      return (await store.list<PostureSnapshot>(POSTURE_COLLECTION, POSTURE_INDEX.byPartner, partnerTenantId, { from: fromDay })).map(
        (s) => s.value,
      );
    },
  };
}
