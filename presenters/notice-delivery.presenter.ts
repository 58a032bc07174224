/**
 * Where a message to the other side stands, as a card may say it: only what is true at that moment. A notice is
 * "told" only once it was delivered; before that it is on its way, and if it cannot be delivered the other side
 * still sees the change where it always shows (their list in chat, their tab).
 */
export type NoticeDelivery =
  /** Nobody on the other side has talked to the bot, so nobody can be messaged. */
  | { readonly state: 'nobody' }
  /** Handed over for sending, not yet delivered. */
  | { readonly state: 'queued'; readonly recipients: number }
  /** Teams did not take it; it will be tried again. */
  | { readonly state: 'retrying' }
  | { readonly state: 'delivered'; readonly recipients: number }
  /** Given up after retries, or every recipient unreachable. */
  | { readonly state: 'undeliverable' };

/** Where the other side sees the change without any message: named for the person who reads the line. */
export interface SeenIn {
  /** e.g. `"my customers"` (partner) or `"my partners"` (customer). */
  readonly chatCommand: string;
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
/** " (2 people)", or nothing when the count is not known. */
const count = (n: number) => (n > 0 ? ` (${people(n)})` : '');

/** One line saying whether `who` was told, worded for the delivery's state. */
export function toldLine(who: string, delivery: NoticeDelivery, seen: SeenIn): string {
  const elsewhere = `${who} will see it in "${seen.chatCommand}" and in the Relationships tab`;
  switch (delivery.state) {
    case 'nobody':
      return `Nobody at ${who} has used this bot yet, so no message was sent; ${elsewhere}.`;
    case 'queued':
      return `A message to ${who} is on its way in Teams${count(delivery.recipients)}. If it cannot be delivered, ${elsewhere}.`;
    case 'retrying':
      return `The message to ${who} has not been delivered yet; it will be tried again. Meanwhile ${elsewhere}.`;
    case 'delivered':
      return `${who} has been told in Teams${count(delivery.recipients)}.`;
    case 'undeliverable':
      return `The message to ${who} could not be delivered in Teams; ${elsewhere}.`;
  }
}

/** The colour of that line: good only when it was delivered. */
export function toldColor(delivery: NoticeDelivery): 'Good' | 'Warning' | 'Default' {
  if (delivery.state === 'delivered') return 'Good';
  return delivery.state === 'queued' ? 'Default' : 'Warning';
}
