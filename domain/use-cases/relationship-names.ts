/**
 * The display names of a partner's GDAP relationships, for understanding what partner staff type ("assign groups for
 * Contoso helpdesk"). Read on every message, so it is a fold over the partner's audit trail that the caller keeps:
 * each call reads only the events since the last one (usually none), never the relationships themselves.
 */
import type { Actor } from '../actors/actor.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { auditStream } from '../audit/audit-event.ts';
import type { Result } from '../shared/result.ts';
import { ok } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { checkPolicy } from './context.ts';

/** What a caller keeps between calls: the names by relationship id, as of the audit trail's event `seq`. */
export interface RelationshipNames {
  readonly seq: number;
  readonly names: ReadonlyMap<string, string>;
}

const PAGE = 1_000;

/** The partner's GDAP relationship names now, brought up to date from `known` (or from the start of the trail). */
export async function relationshipNamesOfPartner(
  context: UseCaseContext,
  actor: Actor,
  input: { partnerTenantId: string; known?: RelationshipNames },
): Promise<Result<RelationshipNames>> {
  const denied = checkPolicy(actor, 'viewPartnerRelationships', { partnerTenantId: input.partnerTenantId });
  if (denied !== undefined) return denied;
  let seq = input.known?.seq ?? 0;
  let names: Map<string, string> | undefined;
  for (;;) {
    const page = await context.store.readStream(auditStream(input.partnerTenantId), { after: seq, limit: PAGE });
    for (const { seq: at, event } of page.entries) {
      seq = at;
      const e = event as AuditEvent;
      // The trail also holds the partner's other events, and events of relationships another partner has with a customer never land here.
      if (e.target.kind !== 'gdapRelationship' || e.partnerTenantId !== input.partnerTenantId) continue;
      names ??= new Map(input.known?.names);
      if (e.action === 'gdap.draftDeleted') names.delete(e.target.id);
      else names.set(e.target.id, e.target.displayName);
    }
    if (page.next === undefined) break;
  }
  return ok({ seq, names: names ?? input.known?.names ?? new Map() });
}
