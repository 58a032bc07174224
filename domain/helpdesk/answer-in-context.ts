/**
 * Answers questions about real access from the domain's use cases: the asker's effective roles at
 * a customer, a colleague's or a group's (Admin agents, or members of that group), or, for a
 * customer admin, what a partner may do in their tenant. Each use case applies its own policy,
 * so a refusal there (another tenant, another person's access) becomes the answer.
 */
import type { UserActor } from '../actors/actor.ts';
import type { PartnerAccess } from '../partner-access.ts';
import { decide } from '../policy/access-policy.ts';
import type { Result } from '../shared/result.ts';
import { refuse } from '../shared/result.ts';
import type { EffectiveAccess } from '../use-cases/effective-access.ts';
import type { AnswerSubject } from './access-answer.ts';
import { checkCapability, describeEffectiveAccess, describePartnerAccess, groupAccess } from './access-answer.ts';
import type { ContextualIntent, KnownNames } from './contextual-question.ts';
import { parseContextualQuestion } from './contextual-question.ts';
import type { FactSummary } from './helpdesk-fact.ts';
import { findFact, summarizeFact } from './knowledge-base.ts';

export type ContextualAnswer =
  | { readonly kind: 'context'; readonly intent: ContextualIntent; readonly text: string; readonly related: readonly FactSummary[] }
  | { readonly kind: 'refused'; readonly intent: ContextualIntent; readonly text: string };

/** The use cases contextual answers read from. */
export type AccessQueries = Pick<PartnerAccess, 'effectiveAccess' | 'getCustomerOfPartner' | 'listPartnersOfCustomer'>;

function related(...ids: readonly (string | undefined)[]): FactSummary[] {
  return ids
    .flatMap((id) => {
      const fact = id === undefined ? undefined : findFact(id);
      return fact === undefined ? [] : [summarizeFact(fact)];
    })
    .slice(0, 2);
}

async function accessOf(
  queries: AccessQueries,
  actor: UserActor,
  intent: Extract<ContextualIntent, { subject: unknown }>,
): Promise<Result<{ access: EffectiveAccess; subject: AnswerSubject }, unknown>> {
  const { subject, tenant } = intent;
  if (subject.kind === 'group') {
    const decision = decide(actor, 'viewEffectiveAccess', {
      partnerTenantId: actor.tenantId,
      customerTenantId: tenant.id,
      subjectGroupId: subject.group.id,
    });
    if (!decision.allowed) return refuse('forbidden', decision.reason);
    // That customer's relationships only (read by customer), never all of the partner's.
    const found = await queries.getCustomerOfPartner(actor, { partnerTenantId: actor.tenantId, customerTenantId: tenant.id });
    if (!found.ok) return found;
    const customer = found.value;
    const access: EffectiveAccess =
      customer === null
        ? {
            userId: subject.group.id,
            customer: { tenantId: tenant.id, name: tenant.name },
            roles: [],
            relationships: [],
            relationshipsHidden: false,
          }
        : groupAccess(customer, subject.group);
    return { ok: true, value: { access, subject: { isSelf: false, name: subject.group.name } } };
  }
  const userId = subject.kind === 'person' ? subject.person.id : undefined;
  const result = await queries.effectiveAccess(actor, { customerTenantId: tenant.id, ...(userId === undefined ? {} : { userId }) });
  if (!result.ok) return result;
  const isSelf = subject.kind === 'self' || userId === actor.userId;
  return {
    ok: true,
    value: { access: result.value, subject: { isSelf, name: subject.kind === 'person' ? subject.person.name : actor.name } },
  };
}

/** Answers a question about real access, or returns undefined when it is a general helpdesk question. */
export async function answerInContext(
  queries: AccessQueries,
  actor: UserActor,
  question: string,
  names: KnownNames,
): Promise<ContextualAnswer | undefined> {
  const intent = parseContextualQuestion(question, names);
  if (intent === undefined) return undefined;
  if (intent.kind === 'partner-access') {
    const partners = await queries.listPartnersOfCustomer(actor, { customerTenantId: actor.tenantId });
    if (!partners.ok) return { kind: 'refused', intent, text: partners.message };
    const partner = partners.value.find((p) => p.partner.tenantId === intent.partner.id);
    const text =
      partner === undefined
        ? `${intent.partner.name} has no relationship with your organization, so it can do nothing in your tenant.`
        : describePartnerAccess(partner, 'your tenant');
    return { kind: 'context', intent, text, related: related('remove-roles-steps', 'remove-roles-keeps-reseller') };
  }
  const found = await accessOf(queries, actor, intent);
  if (!found.ok) return { kind: 'refused', intent, text: found.message };
  const { access, subject } = found.value;
  if (intent.kind === 'capability') {
    const check = checkCapability(access, intent.capability, subject);
    return {
      kind: 'context',
      intent,
      text: check.text,
      related: related(intent.capability.factId, check.allowed ? undefined : 'gdap-add-roles'),
    };
  }
  return {
    kind: 'context',
    intent,
    text: describeEffectiveAccess(access, subject),
    related: related('gdap-security-groups', 'gdap-add-roles'),
  };
}
