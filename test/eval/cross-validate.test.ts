import { describe, expect, it } from 'vitest';
import { loadHelpdeskMeaning } from '#bot/helpdesk/helpdesk-meaning.ts';
import type { AskedExample } from '#bot/helpdesk/asked-examples.ts';
import { messageEncoder } from '#bot/understanding/turn-encoder.ts';
import { closenessOf } from '#domain/helpdesk/answer-question.ts';
import { KNOWLEDGE_BASE } from '#domain/helpdesk/knowledge-base.ts';
import { encodedMeanings, meaningsApartFrom } from '#eval/helpdesk/meanings.ts';

// --cross-validate scores each tuning set as if the bot had never seen it: its own questions must not count as examples,
// and every other set's must.
describe("a tuning set's meanings apart from its own examples (npm run eval:helpdesk -- --cross-validate)", () => {
  const fact = { kind: 'fact' as const, id: KNOWLEDGE_BASE[0]!.id };
  const question = 'the wibbly frobnicator question nobody would ask twice';
  const examples: AskedExample[] = [
    { from: 'set-a', question, key: `fact:${fact.id}` },
    { from: 'set-b', question: 'a quite different question about something else entirely', key: `fact:${fact.id}` },
  ];

  it("leaves out the set's own examples, and only them", async () => {
    const seen = (await encodedMeanings([question], loadHelpdeskMeaning(messageEncoder, undefined, { examples })))(question);
    const apart = (await meaningsApartFrom('set-a', [question], examples))(question);
    const apartFromAnother = (await meaningsApartFrom('set-b', [question], examples))(question);
    // Seen, the question is its own example: as close as an example counts (0.05 below a written sentence).
    expect(closenessOf(seen, fact)).toBeGreaterThan(0.9);
    expect(closenessOf(apart, fact)).toBeLessThan(0.8);
    expect(closenessOf(apartFromAnother, fact)).toBeCloseTo(closenessOf(seen, fact)!, 5);
  });
});
