import { describe, expect, it } from 'vitest';
import { renderHelpdeskAnswerCard } from '../../cards/helpdesk/helpdesk-answer.card.ts';

describe('helpdesk answer card', () => {
  it('gives each related question a button of its own, full width, so a long question is not cut', () => {
    const related = [{ question: 'How can a delegated admin test a job queue entry?' }, { question: 'Which license configuration does a Helpdesk agent get?' }];
    const card = renderHelpdeskAnswerCard({ heading: 'Answer', answer: 'a', explanation: '', source: 's', related, answerId: 'x', askFeedback: false, feedbackNote: '' });
    const sets: { actions: { title: string }[] }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        const r = node as Record<string, unknown>;
        if (r.type === 'ActionSet') sets.push(r as unknown as { actions: { title: string }[] });
        Object.values(r).forEach(walk);
      }
    };
    walk(card);
    const questionSets = sets.filter((s) => s.actions.some((a) => related.some((q) => q.question === a.title)));
    expect(questionSets.map((s) => s.actions.map((a) => a.title))).toEqual(related.map((q) => [q.question]));
  });
});
