import { z } from 'zod';
import { renderRequestResultCard } from '#cards/partner/request-result.card.ts';
import { adminReach } from '#presenters/partner/customer-admins.ts';
import { buildRequestResultView, type ResultExtras } from '#presenters/partner/request-result.presenter.ts';
import { EMAIL_BODY_MAX_LENGTH, EMAIL_SUBJECT_MAX_LENGTH } from '#domain/relationships/invitation-email.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, refusalReply } from '../invoke-reply.ts';

// The inputs arrive merged into the data; a little slack over the card's own limits lets the domain say why.
const dataSchema = z.object({
  kind: z.literal('reseller'),
  id: z.string().min(1).max(200),
  version: z.string().min(1).max(200),
  emailSubject: z
    .string()
    .max(EMAIL_SUBJECT_MAX_LENGTH * 2)
    .default(''),
  emailBody: z.string().max(EMAIL_BODY_MAX_LENGTH).default(''),
});

/**
 * "Keep this e-mail": the partner's edit of the invitation e-mail is kept with the invitation ("Open in e-mail"
 * then uses it) when its personalized link is still there, exactly; otherwise the card says why, with the edit
 * still in the box to fix, and nothing is saved.
 */
export const saveEmailAction = defineAction(dataSchema, async ({ actor, services, trigger }, data) => {
  if (trigger === 'automatic') {
    const current = await services.domain.getRelationship(actor, { kind: 'reseller', id: data.id });
    if (!current.ok) return refusalReply(current);
    return cardReply(
      renderRequestResultCard(buildRequestResultView(current.value, await adminReach(services, current.value.customer.tenantId))),
    );
  }
  const edit = { subject: data.emailSubject, body: data.emailBody };
  const saved = await services.domain.editInvitationEmail(actor, { id: data.id, version: data.version, ...edit });
  const view = saved.ok ? saved.value : saved.current;
  if (view === undefined) return refusalReply(saved.ok ? { code: 'not-found', message: 'That invitation was not found.' } : saved);
  const reach = await adminReach(services, view.customer.tenantId);
  const extras: ResultExtras = saved.ok
    ? { note: 'E-mail kept: "Open in e-mail" now uses your text.', noteColor: 'Good' }
    : saved.code === 'invalid'
      ? // The edit stays in the box to fix; nothing was saved.
        { note: saved.message, noteColor: 'Attention', emailEdit: edit }
      : { note: saved.message, noteColor: saved.code === 'nothing-to-change' ? 'Accent' : 'Warning' };
  return cardReply(renderRequestResultCard(buildRequestResultView(view, reach, extras)));
});
