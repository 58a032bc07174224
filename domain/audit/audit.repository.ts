import type { DocumentStore } from '../ports/document-store.ts';
import type { AuditEvent } from './audit-event.ts';
import { auditStream } from './audit-event.ts';

export interface AuditPage {
  readonly events: readonly AuditEvent[];
  /** Pass back to read the next page; absent on the last page. */
  readonly next?: number;
}

/** Reads one page of a tenant's audit trail, oldest first. Events are written by the aggregates' repositories. */
export async function readAuditPage(store: DocumentStore, tenantId: string, after: number | undefined, limit: number): Promise<AuditPage> {
  const page = await store.readStream(auditStream(tenantId), after === undefined ? { limit } : { after, limit });
  const events = page.entries.map((e) => e.event).filter(isAuditEvent);
  return page.next === undefined ? { events } : { events, next: page.next };
}

/** Guards what comes back from the stream: only our own events are ever appended there. */
function isAuditEvent(value: unknown): value is AuditEvent {
  return typeof value === 'object' && value !== null && 'id' in value && 'action' in value && 'target' in value;
}
