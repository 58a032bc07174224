import type { Actor } from '../actors/actor.ts';
import { editResellerInvitationEmail } from '../relationships/invitation-email.ts';
import type { Result } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { changeReseller } from './reseller-writes.ts';
import type { ResellerRelationshipView } from './views.ts';

export interface EditInvitationEmailInput {
  readonly id: string;
  readonly version: string;
  readonly subject: string;
  readonly body: string;
}

/**
 * The partner keeps an edited draft of the reseller invitation e-mail. Any wording goes; the personalized
 * link must stay exactly as issued, else the edit is refused with the reason and nothing is saved.
 */
export async function editInvitationEmail(
  context: UseCaseContext,
  actor: Actor,
  input: EditInvitationEmailInput,
): Promise<Result<ResellerRelationshipView>> {
  return changeReseller(context, actor, 'requestResellerRelationship', input, 'reseller.emailEdited', (relationship, now) =>
    editResellerInvitationEmail(relationship, { subject: input.subject, body: input.body }, now),
  );
}
