import type { AuditEvent } from '../audit/audit-event.ts';
import { auditStreamsFor } from '../audit/audit-event.ts';
import type { DocumentStore, ExpectedVersion, Versioned, WriteOutcome } from '../ports/document-store.ts';
import { nameKey } from '../shared/plain-text.ts';
import type { RoleTemplate } from './role-template.ts';

export const ROLE_TEMPLATE_COLLECTION = 'roleTemplates';
/** One document per (partner, template name): claiming it with "must not exist" keeps names unique under races. */
export const ROLE_TEMPLATE_NAME_COLLECTION = 'roleTemplateNames';
export const ROLE_TEMPLATE_INDEX = { byPartner: 'roleTemplatesByPartner' } as const;

/** Where role templates live. */
export interface RoleTemplateRepository {
  get(id: string): Promise<Versioned<RoleTemplate> | undefined>;
  /** The template if it is this partner's; another partner's reads as missing (so its existence is not told either). */
  findOfPartner(partnerTenantId: string, id: string): Promise<Versioned<RoleTemplate> | undefined>;
  listByPartner(partnerTenantId: string): Promise<Versioned<RoleTemplate>[]>;
  /** Reserves the name for the template; false when another template of the partner has it. */
  claimName(partnerTenantId: string, name: string, templateId: string): Promise<boolean>;
  releaseName(partnerTenantId: string, name: string): Promise<void>;
  /** Writes the template with its index entry and its audit event, atomically (compare-and-set on `expected`). */
  save(template: RoleTemplate, expected: ExpectedVersion, event: AuditEvent): Promise<WriteOutcome<RoleTemplate>>;
}

function nameId(partnerTenantId: string, name: string): string {
  return `${partnerTenantId}/${nameKey(name)}`;
}

/** Builds the repository over the document store. */
export function createRoleTemplateRepository(store: DocumentStore): RoleTemplateRepository {
  return {
    get: (id) => store.get<RoleTemplate>(ROLE_TEMPLATE_COLLECTION, id),
    async findOfPartner(partnerTenantId, id) {
      const stored = await store.get<RoleTemplate>(ROLE_TEMPLATE_COLLECTION, id);
      return stored?.value.partnerTenantId === partnerTenantId ? stored : undefined;
    },
    listByPartner: (partnerTenantId) => store.list<RoleTemplate>(ROLE_TEMPLATE_COLLECTION, ROLE_TEMPLATE_INDEX.byPartner, partnerTenantId),
    async claimName(partnerTenantId, name, templateId) {
      return (await store.put(ROLE_TEMPLATE_NAME_COLLECTION, nameId(partnerTenantId, name), { templateId }, null)).ok;
    },
    async releaseName(partnerTenantId, name) {
      await store.remove(ROLE_TEMPLATE_NAME_COLLECTION, nameId(partnerTenantId, name), '*');
    },
    save: (template, expected, event) =>
      store.put(ROLE_TEMPLATE_COLLECTION, template.id, template, expected, {
        indexes: [{ index: ROLE_TEMPLATE_INDEX.byPartner, key: template.partnerTenantId, sort: template.name.toLowerCase() }],
        append: auditStreamsFor(event).map((stream) => ({ stream, event })),
      }),
  };
}
