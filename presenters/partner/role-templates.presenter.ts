import type { PartnerFormCardView } from '#cards/partner/partner-form.card.ts';
import { emptyForm } from '#cards/partner/partner-form.card.ts';
import type { RoleTemplateRowView, RoleTemplatesCardView } from '#cards/partner/role-templates.card.ts';
import { formatDate } from '#cards/format.ts';
import type { RoleTemplateView, TemplateApplyOutcome, TemplateApplyPreview } from '#domain/use-cases/role-templates.ts';

/** "Helpdesk Administrator → Tier 1 Support, HelpdeskAgents", one line per role of the template. */
export function templateLines(view: RoleTemplateView): string[] {
  return view.roles.map((r) => `${r.role.name} → ${r.groups.length === 0 ? 'no group yet' : r.groups.map((g) => g.name).join(', ')}`);
}

function row(view: RoleTemplateView): RoleTemplateRowView {
  return {
    name: view.name,
    detail: `Revision ${view.revision}, changed by ${view.lastModifiedBy} on ${formatDate(view.lastModifiedDateTime)}`,
    lines: templateLines(view),
    actions: [
      { title: 'Request GDAP from it', data: { command: `new gdap from template ${view.name}` } },
      { title: 'Edit', data: { command: `edit template ${view.name}` } },
      { title: 'Apply to existing relationships', data: { command: `apply template ${view.name}` } },
    ],
  };
}

/** The card of the partner's role templates (or of one just saved). */
export function buildRoleTemplatesView(templates: readonly RoleTemplateView[], saved?: string): RoleTemplatesCardView {
  return {
    title: saved === undefined ? 'Role templates' : `Role template "${saved}" saved`,
    intro:
      saved === undefined
        ? 'Each template is a set of roles and the security groups that get each role. A GDAP request made from a template gets those groups assigned automatically once the customer approves it.'
        : 'Relationships already made from it keep the template as it was when they were requested; use "Apply to existing relationships" to bring them in line.',
    templates: templates.map(row),
    emptyText: 'You have no role templates yet.',
    hint: 'Type "new template" to define one, or "apply template <name>" to see what it would change on your active relationships.',
    newTitle: 'New template',
    newData: { command: 'new template' },
  };
}

/** The preview of "apply template to existing relationships", asking for confirmation before anything changes. */
export function applyPreviewForm(preview: TemplateApplyPreview): PartnerFormCardView {
  const n = preview.plans.length;
  return {
    ...emptyForm(
      `Apply "${preview.template.name}" to existing relationships?`,
      n === 0
        ? 'Nothing to change: every active relationship already gives the template’s groups the roles it includes.'
        : `This adds access on ${n} active relationship${n === 1 ? '' : 's'}: each group gets the template’s roles the relationship includes. Nothing is removed, and roles a relationship does not include cannot be added to it.`,
    ),
    facts: [
      { label: 'Relationships changed', value: String(n) },
      { label: 'Left as they are', value: String(preview.unchanged) },
    ],
    linesHeading: n === 0 ? '' : 'What changes',
    lines: preview.plans.map((p) => ({
      title: `${p.displayName} (${p.customer})`,
      text:
        p.changes.map((c) => `${c.groupName} gains ${c.rolesAdded.map((r) => r.name).join(', ')}`).join('; ') +
        (p.notIncluded.length === 0 ? '' : `. Not included, so not assigned: ${p.notIncluded.map((r) => r.name).join(', ')}`),
    })),
    submitTitle: n === 0 ? '' : `Apply to ${n} relationship${n === 1 ? '' : 's'}`,
    submitData: { confirm: 'yes' },
    hint: 'Nothing changes until you apply. A relationship changed after this preview is skipped and listed.',
  };
}

/** What applying did, in words. */
export function applyOutcomeText(name: string, outcome: TemplateApplyOutcome): string {
  const applied = outcome.applied.map((a) => `"${a.displayName}" (${a.groups.join(', ')})`);
  const skipped = outcome.skipped.map((s) => `"${s.displayName}": ${s.reason}`);
  return [
    applied.length === 0 ? `"${name}" changed no relationship.` : `"${name}" applied to ${applied.length}: ${applied.join('; ')}.`,
    ...(skipped.length === 0 ? [] : [`Skipped ${skipped.length}: ${skipped.join('; ')}. Look at the preview again to apply them.`]),
  ].join(' ');
}
