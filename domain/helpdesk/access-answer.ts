/**
 * Turns real access (effective roles, a group's assignments, a partner's relationships) into
 * plain answer text, with the roles' descriptions and the limits worth knowing.
 */
import type { AccessSource, EffectiveAccess } from '../use-cases/effective-access.ts';
import type { CustomerOfPartner, PartnerOfCustomer } from '../use-cases/queries.ts';
import type { RoleView } from '../use-cases/views.ts';
import type { Capability } from './role-capabilities.ts';
import { CAPABILITIES, rolesPermitting } from './role-capabilities.ts';

/** Who the answer speaks about: "you", or a colleague or group by name. */
export interface AnswerSubject {
  readonly isSelf: boolean;
  readonly name: string;
}

function holder(subject: AnswerSubject): { who: string; verb: string; their: string } {
  return subject.isSelf ? { who: 'you', verb: 'hold', their: 'your' } : { who: subject.name, verb: 'holds', their: 'their' };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function day(dateTime: string | null): string | undefined {
  return dateTime === null ? undefined : dateTime.slice(0, 10);
}

function describeSource(source: AccessSource): string {
  if (source.kind === 'dap') return `through ${source.groupName} (DAP)`;
  const until = day(source.endDateTime);
  const where = source.displayName === null ? ' (GDAP)' : ` in "${source.displayName}"`;
  return `through ${source.groupName}${where}${until === undefined ? '' : `, until ${until}`}`;
}

function roleLine(role: RoleView, how: readonly string[]): string {
  const description = role.description === '' ? '' : `: ${role.description}`;
  return `• ${role.name}${description}${how.length === 0 ? '' : ` (${how.join('; ')})`}`;
}

// The limits that come with what these roles allow (password resets for non-admins only, the
// Business Central tasks closed to delegated admins), so the answer does not promise too much.
function limitsOf(roleIds: readonly string[]): string[] {
  return CAPABILITIES.filter(
    (capability) => capability.note !== undefined && roleIds.some((id) => rolesPermitting(capability.id).has(id)),
  ).map((capability) => `Note: ${capability.note ?? ''}`);
}

/** Describes which roles a partner user holds at a customer, and how they got them. */
export function describeEffectiveAccess(access: EffectiveAccess, subject: AnswerSubject): string {
  const { who, verb } = holder(subject);
  const customer = access.customer.name;
  if (access.roles.length === 0) {
    const why = access.relationshipsHidden
      ? `No group ${subject.isSelf ? 'you are in' : `${who} is in`} holds a role there. Which relationships your organization has with ${customer} is for its Admin, Sales and Helpdesk agents to see.`
      : access.relationships.length === 0
        ? `There is no active GDAP relationship or DAP with ${customer}.`
        : `There ${access.relationships.length === 1 ? 'is an active relationship' : `are ${access.relationships.length} active relationships`} (${access.relationships.map((r) => `"${r.displayName}"`).join(', ')}), but no role in ${access.relationships.length === 1 ? 'it' : 'them'} is assigned to ${subject.isSelf ? 'a group of yours' : who}.`;
    return `${capitalize(who)} ${verb} no admin roles at ${customer} right now. ${why}`;
  }
  const lines = access.roles.map(({ role, via }) => roleLine(role, via.map(describeSource)));
  return [`At ${customer}, ${who} ${verb}:`, ...lines, ...limitsOf(access.roles.map(({ role }) => role.id))].join('\n');
}

/** The outcome of "can I … at Contoso?": the roles that allow it, if any, and the text. */
export interface CapabilityCheck {
  readonly allowed: boolean;
  readonly byRoles: readonly RoleView[];
  readonly text: string;
}

/** Checks a task against the roles held at a customer, and says which role would allow it. */
export function checkCapability(access: EffectiveAccess, capability: Capability, subject: AnswerSubject): CapabilityCheck {
  const { who, their } = holder(subject);
  const permitting = rolesPermitting(capability.id);
  const byRoles = access.roles.map(({ role }) => role).filter((role) => permitting.has(role.id));
  const note = capability.note === undefined ? '' : ` ${capability.note}`;
  if (byRoles.length > 0) {
    const as = byRoles.map((role) => role.name).join(' and ');
    return { allowed: true, byRoles, text: `Yes: as ${as} at ${access.customer.name}, ${who} can ${capability.task}.${note}` };
  }
  const held =
    access.roles.length === 0
      ? `${who} hold${subject.isSelf ? '' : 's'} no admin roles there`
      : `${their} roles there (${access.roles.map(({ role }) => role.name).join(', ')}) do not allow it`;
  const text =
    `No: ${held}. Roles that allow it: ${capability.roleNames.join(', ')}. ` +
    'If a relationship with this customer already includes one of them, an Admin agent can assign it to a group; if not, roles cannot be added to an active relationship: the partner requests a new one with that role.';
  return { allowed: false, byRoles: [], text };
}

/** The roles one of the partner's groups has at a customer (active GDAP assignments and DAP), shaped like a user's. */
export function groupAccess(customer: CustomerOfPartner, group: { readonly id: string; readonly name: string }): EffectiveAccess {
  const roles = new Map<string, { role: RoleView; via: AccessSource[] }>();
  const add = (role: RoleView, source: AccessSource): void => {
    const entry = roles.get(role.id) ?? { role, via: [] };
    roles.set(role.id, { role, via: [...entry.via, source] });
  };
  const live = customer.gdapRelationships.filter((r) => r.status === 'active' || r.status === 'expiring');
  for (const relationship of live) {
    for (const assignment of relationship.assignments) {
      if (assignment.groupId !== group.id || assignment.status !== 'active') continue;
      const source: AccessSource = {
        kind: 'gdap',
        relationshipId: relationship.id,
        displayName: relationship.displayName,
        groupId: group.id,
        groupName: group.name,
        endDateTime: relationship.endDateTime,
      };
      for (const role of assignment.roles) add(role, source);
    }
  }
  if (customer.reseller?.relationship.dapStatus === 'active') {
    for (const grant of customer.reseller.dapRoles.filter((g) => g.groupName === group.name))
      add(grant.role, { kind: 'dap', groupId: group.id, groupName: group.name });
  }
  return {
    userId: group.id,
    customer: customer.customer,
    roles: [...roles.values()],
    relationships: live.map((r) => ({ id: r.id, displayName: r.displayName, endDateTime: r.endDateTime })),
    // Built from the partner's relationship list, which only its agents may see.
    relationshipsHidden: false,
  };
}

/** Describes, for a customer admin, what one partner may do in their tenant and how to limit it. */
export function describePartnerAccess(partner: PartnerOfCustomer, customerName: string): string {
  const name = partner.partner.name;
  const lines = [`${name} is your ${partner.types.join(' and ')}.`];
  if (!partner.hasAdminRoles) {
    lines.push(
      `${name} holds no admin roles in ${customerName}: it can sell and manage subscriptions in Partner Center, but not administer your tenant.`,
    );
    return lines.join('\n');
  }
  if (partner.reseller?.relationship.dapStatus === 'active') {
    lines.push(
      'Through DAP (older, broad access):',
      ...partner.reseller.dapRoles.map((grant) => roleLine(grant.role, [`its ${grant.groupName}`])),
    );
  }
  for (const relationship of partner.gdapRelationships) {
    if (relationship.status !== 'active' && relationship.status !== 'expiring') continue;
    const until = day(relationship.endDateTime);
    lines.push(
      `Through GDAP "${relationship.displayName}"${until === undefined ? '' : ` until ${until}`}:`,
      ...relationship.roles.map((role) => roleLine(role, [])),
    );
  }
  const stays = partner.reseller === null ? '' : '; the partner stays your reseller until you ask it to end that relationship';
  lines.push(`A Global Administrator can remove these roles under Settings > Partner relationships > Remove roles${stays}.`);
  return lines.join('\n');
}
