import { describe, expect, it } from 'vitest';
import { renderCustomerAgreementCard } from '#cards/customer/customer-agreement.card.ts';
import { buildCustomerAgreementView } from '#presenters/customer/customer-agreement.presenter.ts';

/** The colour of the note block in a rendered card. */
function noteColour(card: unknown, note: string): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      if (r.type === 'TextBlock' && r.text === note) found = r.color;
      Object.values(r).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('notes are coloured by what happened: good news in the good colour, not yellow', () => {
  const acceptance = {
    customerTenantId: 'c',
    agreementVersion: 'MCA',
    acceptedBy: { userId: 'u', tenantId: 'c', name: 'Ben' },
    acceptedDateTime: '2026-03-02T09:00:00.000Z',
  };
  it.each([
    { note: 'You accepted the Microsoft Customer Agreement for your organization.', color: 'Good' as const },
    { note: 'Tick the box first. Nothing has changed yet.', color: 'Warning' as const },
  ])('agreement: "$note" → $color', ({ note, color }) => {
    const card = renderCustomerAgreementCard(buildCustomerAgreementView('Contoso', { acceptance, version: 'v' }, true, note, color));
    expect(noteColour(card, note)).toBe(color);
  });
});
