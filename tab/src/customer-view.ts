import type { CustomerPartnerRow, CustomerPartners, RemoveRolesPreview, RemoveRolesResult } from '#bot/tab/tab-contract.ts';
import { h, replace } from './dom.ts';
import type { ViewContext } from './view-context.ts';

/** The customer admin's view: their partners, relationship types, current roles, who accepted, the MCA, and "Remove roles". */
export async function showCustomerView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const answer = await ctx.api.get<CustomerPartners>('customer/partners');
  if (!answer.ok) {
    replace(root, h('div', { class: 'notice notice-error', role: 'alert' }, answer.error));
    return;
  }
  const data = answer.value;
  const confirm = h('dialog', { class: 'details', 'aria-label': 'Remove roles' });
  const agreement = data.agreement.accepted
    ? `Accepted (${data.agreement.version}) by ${data.agreement.acceptedBy} on ${ctx.formats.date(data.agreement.acceptedDateTime)}`
    : data.agreementHint;

  const askRemoveRoles = async (p: CustomerPartnerRow) => {
    const preview = await ctx.api.get<RemoveRolesPreview>(`customer/partners/${encodeURIComponent(p.partnerTenantId)}/remove-roles`);
    if (!preview.ok) return ctx.notify(preview.error, 'error');
    const text = preview.value;
    replace(
      confirm,
      h('h2', {}, text.question),
      h('h3', {}, 'What changes'),
      h('ul', {}, ...text.changes.map((c) => h('li', {}, c))),
      h('h3', {}, 'What does not change'),
      h('ul', {}, ...text.stays.map((s) => h('li', {}, s))),
      text.adminCenterUrl === null
        ? // The safe choice first, and focused: a dialog focuses its first control (autofocus makes it explicit).
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', class: 'secondary', autofocus: true, onclick: () => confirm.close() }, 'Cancel'),
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                onclick: (event: Event) => {
                  // One click, one removal: a double click sends once.
                  (event.currentTarget as HTMLButtonElement).disabled = true;
                  void removeRoles(p, text.shown);
                },
              },
              'Yes, remove roles',
            ),
          )
        : h(
            'div',
            {},
            h(
              'p',
              {},
              `Microsoft keeps the record of your partners' roles, so they are removed in the Microsoft 365 admin center: Settings → Partner relationships → ${
                text.partnerName
              } → Remove roles. This page shows the change within minutes.`,
            ),
            h(
              'div',
              { class: 'actions' },
              h('button', { type: 'button', class: 'secondary', autofocus: true, onclick: () => confirm.close() }, 'Cancel'),
              h(
                'a',
                { class: 'button', href: text.adminCenterUrl, target: '_blank', rel: 'noopener' },
                'Open Partner relationships in the admin center',
              ),
            ),
          ),
    );
    confirm.showModal();
  };

  // The confirmation sends back what the preview showed; if that changed meanwhile, the new preview is shown instead.
  const removeRoles = async (p: CustomerPartnerRow, shown: RemoveRolesPreview['shown']) => {
    const done = await ctx.api.post<RemoveRolesResult>(`customer/partners/${encodeURIComponent(p.partnerTenantId)}/remove-roles`, {
      confirm: true,
      shown,
    });
    confirm.close();
    if (!done.ok && done.error.startsWith('This changed since you looked')) {
      ctx.notify(done.error, 'error');
      return askRemoveRoles(p);
    }
    if (!done.ok) return ctx.notify(done.error, 'error');
    ctx.notify(done.value.summary);
    await showCustomerView(root, ctx);
  };

  const partnerRow = (p: CustomerPartnerRow) =>
    h(
      'tr',
      {},
      h('td', { class: 'strong' }, p.partnerName),
      h('td', {}, ...p.types.map((t) => h('span', { class: 'badge' }, t))),
      h('td', { class: 'list' }, p.roles.join(', ') || 'No admin roles'),
      h(
        'td',
        {},
        h(
          'ul',
          { class: 'lines' },
          ...p.relationships.map((r) =>
            h(
              'li',
              {},
              h('span', { class: 'strong' }, r.name),
              ` · ${r.statusText}`,
              r.acceptedBy === null
                ? null
                : h('span', { class: 'muted' }, ` · accepted by ${r.acceptedBy} on ${ctx.formats.date(r.acceptedDateTime)}`),
              r.endDateTime === null
                ? null
                : h('span', { class: 'muted' }, ` · ends ${ctx.formats.date(r.endDateTime)} (${ctx.formats.daysLeft(r.daysLeft)} left)`),
            ),
          ),
        ),
      ),
      h(
        'td',
        {},
        p.canRemoveRoles
          ? h('button', { type: 'button', class: 'danger', onclick: () => void askRemoveRoles(p) }, 'Remove roles')
          : h('span', { class: 'muted' }, p.hasAdminRoles ? 'Only a Global admin can remove roles' : '—'),
      ),
    );

  replace(
    root,
    h(
      'header',
      { class: 'view-head' },
      h('h1', {}, `${data.customerName}: partners`),
      h('p', { class: 'count' }, `${data.rows.length} partner${data.rows.length === 1 ? '' : 's'}`),
    ),
    h(
      'section',
      { class: 'card mca', 'aria-label': 'Microsoft Customer Agreement' },
      h('h2', {}, 'Microsoft Customer Agreement'),
      h('p', {}, agreement),
    ),
    h(
      'div',
      { class: 'card table-card' },
      h(
        'table',
        { class: 'grid', 'aria-label': 'Partners' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Partner', 'Relationship types', 'Admin roles now', 'Relationships', ''].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          ...(data.rows.length === 0
            ? [h('tr', {}, h('td', { colspan: 5, class: 'empty' }, 'No partner has a relationship with your organization.'))]
            : data.rows.map(partnerRow)),
        ),
      ),
    ),
    confirm,
  );
}
