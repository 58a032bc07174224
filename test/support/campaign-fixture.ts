/** A migration campaign proposed through the use cases, as the tests of its background creation start one. */
import type { SeededPartner } from '#bench/support/seed-large-partner.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';

/** Helpdesk Administrator: the role the campaigns' templates give the partner's support group. */
const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/** The partner's Admin agent makes a template (Helpdesk Administrator for its support group) and proposes it to all customers. */
export async function proposeCampaignToAll(domain: PartnerAccess, partner: SeededPartner, templateName: string) {
  const admin = await domain.resolveActor(partner.tenantId, partner.adminAgentId);
  const template = await domain.createRoleTemplate(admin, {
    name: templateName,
    roles: [{ role: HELPDESK_ADMINISTRATOR, groupIds: [partner.supportGroupId] }],
  });
  if (!template.ok) throw new Error(template.message);
  const proposed = await domain.proposeMigrationCampaign(admin, { templateId: template.value.id, scope: 'all' });
  if (!proposed.ok) throw new Error(proposed.message);
  return { admin, templateId: template.value.id, proposed: proposed.value };
}
