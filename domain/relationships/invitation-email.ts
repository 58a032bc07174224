import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';

/** Bounds of an edited invitation e-mail: long enough for any real letter, within what a card field may carry. */
export const EMAIL_SUBJECT_MAX_LENGTH = 200;
export const EMAIL_BODY_MAX_LENGTH = 4000;

export interface InvitationEmail {
  readonly subject: string;
  readonly body: string;
}

/** Characters that may follow a link in running text without being part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}>"'»”’]+$/u;

/** Every web address in the text, as a person would read it (trailing punctuation is not part of it). */
function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/giu)].map((m) => m[0].replace(TRAILING_PUNCTUATION, ''));
}

function sameSite(candidate: string, link: string): boolean {
  try {
    return new URL(candidate).hostname.toLowerCase() === new URL(link).hostname.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Checks a partner's edit of the draft invitation e-mail. The e-mail may say anything, in any order, but the
 * personalized link must be in it exactly as issued (it ties the customer to this partner's account), and no
 * other address on the same site may stand beside it (an altered copy would send the customer astray).
 */
export function checkInvitationEmail(link: string, edit: InvitationEmail): Result<InvitationEmail> {
  const subject = edit.subject.trim();
  const body = edit.body.replace(/\r\n?/g, '\n').trim();
  if (subject === '') return refuse('invalid', 'The e-mail needs a subject.');
  if (subject.length > EMAIL_SUBJECT_MAX_LENGTH) return refuse('invalid', `Keep the subject under ${EMAIL_SUBJECT_MAX_LENGTH} characters.`);
  if (body.length > EMAIL_BODY_MAX_LENGTH) return refuse('invalid', `Keep the e-mail under ${EMAIL_BODY_MAX_LENGTH} characters.`);
  const links = linksIn(body);
  const altered = links.filter((l) => l !== link && sameSite(l, link));
  if (altered.length > 0) {
    return refuse(
      'invalid',
      'The invitation link was changed. Keep it exactly as it was: it is personal to your partner account, ' +
        'and a changed link does not connect the customer to you. Nothing was saved.',
    );
  }
  if (!links.includes(link)) {
    return refuse(
      'invalid',
      'The e-mail no longer contains the invitation link. Put it back, exactly as it was: without it the customer ' +
        'cannot accept, as the link is what connects them to your partner account. Nothing was saved.',
    );
  }
  return ok({ subject, body });
}

/** The reseller invitation with the partner's edited e-mail; only while the customer has not answered. */
export function editResellerInvitationEmail<
  R extends {
    readonly status: string;
    readonly partnerName: string;
    readonly invitation: { readonly link: string; readonly emailSubject: string; readonly emailBody: string };
    readonly lastModifiedDateTime: string;
  },
>(relationship: R, edit: InvitationEmail, now: Date): Result<R> {
  if (relationship.status !== 'invited') {
    return refuse('invalid-transition', 'The customer has already answered this invitation: there is no e-mail left to send.');
  }
  const checked = checkInvitationEmail(relationship.invitation.link, edit);
  if (!checked.ok) return refuse(checked.code, checked.message);
  const { subject, body } = checked.value;
  if (subject === relationship.invitation.emailSubject && body === relationship.invitation.emailBody) {
    return refuse('nothing-to-change', 'The e-mail is as it was: nothing to save.');
  }
  return ok({
    ...relationship,
    invitation: { ...relationship.invitation, emailSubject: subject, emailBody: body },
    lastModifiedDateTime: now.toISOString(),
  });
}
