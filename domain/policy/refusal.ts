/**
 * A refusal in words: which role a task needs, who holds it (by role, in the asker's own organization; never a
 * person's name, never across tenants) and what the asker can do instead. Built from the policy's own rules.
 */
import type { UserActor } from '../actors/actor.ts';
import { PARTNER_CENTER_GROUPS } from '../actors/actor.ts';
import { decide, ruleOf, type Action, type PolicyResource } from './access-policy.ts';

const PARTNER_ROLE_NAMES = { AdminAgent: 'Admin agent', SalesAgent: 'Sales agent', HelpdeskAgent: 'Helpdesk agent' } as const;

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The resource a task of this actor is about: their own organization, on the side they are on. */
export function ownResource(actor: UserActor): PolicyResource {
  return actor.tenantKind === 'partner' ? { partnerTenantId: actor.tenantId } : { customerTenantId: actor.tenantId };
}

/**
 * Why the actor may not start a task behind `action` in their own organization, or undefined when they may.
 * `organization` is the name of the actor's own tenant; `instead` names tasks they can do (may be empty).
 */
export function explainRefusal(actor: UserActor, action: Action, organization: string, instead: readonly string[]): string | undefined {
  const decision = decide(actor, action, ownResource(actor));
  if (decision.allowed) return undefined;
  const rule = ruleOf(action);
  const otherwise =
    instead.length > 0 ? ` What you can do here: ${instead.join(', ')}.` : ' You can still ask me questions in your own words.';
  if (rule === undefined || decision.code === 'unknown-user') return `${decision.reason}${otherwise}`;
  if (actor.tenantKind === 'partner') {
    if (rule.partner === undefined) {
      const who = rule.customer?.who ?? 'the customer';
      return (
        `Only the customer can ${rule.what}: it is done by ${who}, in their own tenant, never by a partner. ` +
        `If a customer wants this, their Global Administrator does it from their side.${otherwise}`
      );
    }
    const roles = rule.partner.roles.map((r) => PARTNER_ROLE_NAMES[r]);
    const groups = rule.partner.roles.map((r) => PARTNER_CENTER_GROUPS[r]);
    const who = rule.partner.who.replace('the partner', organization);
    return (
      `To ${rule.what} you need the ${orList(roles)} role at ${organization}, which you do not hold. ` +
      `${sentence(who)} (a member of ${orList(groups)} in Partner Center) can do it for you, or give you the role.${otherwise}`
    );
  }
  if (rule.customer === undefined) {
    const who = rule.partner?.who ?? 'the partner';
    return `Only partner staff can ${rule.what}: ${who}, not a customer.${otherwise}`;
  }
  const who = rule.customer.who.replace('the customer', organization);
  return (
    `To ${rule.what} you need the ${orList(rule.customer.roles)} role in ${organization}, which you do not hold. ` +
    `${sentence(who)} can do it, or give you the role.${otherwise}`
  );
}
