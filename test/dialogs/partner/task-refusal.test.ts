/** Who hears what when they may not start a partner task: one rule for every partner dialog's first step. */
import { describe, expect, it } from 'vitest';
import { resolveActor } from '#domain/actors/actor.ts';
import { ownOrganizationPermissions } from '#domain/policy/access-policy.ts';
import { partnerTaskRefusal } from '#dialogs/partner/task-refusal.ts';
import { createTestDirectory, USERS, type FixtureUser } from '#test/support/test-directory.ts';

const NOT_FOR = 'Role templates are for partner Admin agents.';

describe('partnerTaskRefusal', () => {
  it.each<[FixtureUser, 'allowed' | 'policy' | 'not-for']>([
    ['adminAgent', 'allowed'],
    ['salesAgent', 'policy'],
    ['helpdeskAgent', 'policy'],
    ['customerGlobalAdmin', 'not-for'],
    ['customerUser', 'not-for'],
  ])('%s: %s', async (who, expected) => {
    const actor = await resolveActor(createTestDirectory(), USERS[who].tenantId, USERS[who].userId);
    const refusal = partnerTaskRefusal(actor, 'manageRoleTemplates', NOT_FOR);
    const decision = ownOrganizationPermissions(actor).manageRoleTemplates;
    if (expected === 'allowed') expect(refusal).toBeUndefined();
    // A partner's staff member hears the policy's own reason (which names the role it takes).
    if (expected === 'policy') expect(refusal).toBe(decision.allowed ? 'allowed?' : decision.reason);
    // Anyone else hears whom the task is for, and where to go instead.
    if (expected === 'not-for') expect(refusal).toBe(`${NOT_FOR} Type "help" to see what you can do.`);
  });
});
