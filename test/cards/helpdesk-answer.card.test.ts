import { describe, expect, it } from 'vitest';
import { renderHelpdeskAnswerCard } from '#cards/helpdesk/helpdesk-answer.card.ts';

describe('helpdesk answer card', () => {
  it('gives each related question a line of its own that wraps (a tappable line, not a button whose title is cut)', () => {
    const related = [
      { question: 'How can a delegated admin test a job queue entry?' },
      { question: 'Which license configuration does a Helpdesk agent get?' },
    ];
    const card = renderHelpdeskAnswerCard({
      heading: 'Answer',
      answer: 'a',
      explanation: '',
      source: 's',
      related,
      answerId: 'x',
      askFeedback: false,
      feedbackNote: '',
    });
    const lines: { action: unknown; text: unknown; wrap: unknown }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        const r = node as Record<string, unknown>;
        const items = r.items as { text?: unknown; wrap?: unknown }[] | undefined;
        if (r.type === 'Container' && r.selectAction !== undefined)
          lines.push({ action: r.selectAction, text: items?.[0]?.text, wrap: items?.[0]?.wrap });
        Object.values(r).forEach(walk);
      }
    };
    walk(card);
    expect(lines).toEqual(
      related.map((q) => ({
        action: { type: 'Action.Submit', title: q.question, data: { command: q.question } },
        text: `› ${q.question}`,
        wrap: true,
      })),
    );
  });
});
