import { z } from 'zod';
import { customerAgreementCard } from '#presenters/customer/customer-cards.ts';
import { defineAction } from '../action-handler.ts';
import { outcomeReply, refusalReply } from '../invoke-reply.ts';

const schema = z.object({
  /** The acceptance's version the card showed; '' when there was none. */
  version: z.string().max(200),
  agreementRead: z.union([z.literal('true'), z.literal('false'), z.boolean()]).optional(),
});

/** Accept the Microsoft Customer Agreement for the clicker's own organization (never one named by the card). */
export const agreementAcceptAction = defineAction(schema, async (context, data) => {
  const { actor, services } = context;
  if (context.trigger === 'automatic') return outcomeReply(await customerAgreementCard(services, actor));
  if (data.agreementRead !== true && data.agreementRead !== 'true') {
    return outcomeReply(
      await customerAgreementCard(
        services,
        actor,
        'Tick "I have read the Microsoft Customer Agreement" before you accept. Nothing has changed yet.',
      ),
    );
  }
  const accepted = await services.domain.acceptCustomerAgreement(actor, {
    customerTenantId: actor.tenantId,
    version: data.version === '' ? null : data.version,
  });
  if (!accepted.ok) return refusalReply(accepted, async (note) => outcomeReply(await customerAgreementCard(services, actor, note)));
  return outcomeReply(await customerAgreementCard(services, actor, 'You accepted the Microsoft Customer Agreement for your organization.'));
});
