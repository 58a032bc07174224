import { describe, expect, it } from 'vitest';
import { expandQuery, expandQuestion } from '#domain/helpdesk/domain-vocabulary.ts';

describe('expandQuery', () => {
  it.each([
    { question: 'job queue in BC', adds: ['business', 'central'] },
    { question: 'does the GA have to accept?', adds: ['global', 'administrator'] },
    { question: 'is GDAP better', adds: ['granular', 'delegated'] },
    { question: 'DAP removed', adds: ['delegated', 'privileges'] },
    { question: 'scheduled tasks do not run', adds: ['job', 'queue'] },
    { question: 'my webhook never fires', adds: ['web', 'hook'] },
    { question: 'web-hooks?', adds: ['webhook'] },
    { question: 'what can a help desk agent do', adds: ['helpdesk', 'agent'] },
    { question: 'who signs the MCA', adds: ['microsoft', 'customer', 'agreement'] },
    { question: 'AOBO pages', adds: ['admin', 'behalf'] },
    { question: 'what is CSP', adds: ['cloud', 'solution', 'provider'] },
    { question: "partner admins aren't allowed", adds: ['cannot'] },
    { question: 'licence for partner users', adds: ['license'] },
    { question: 'our old MSP still has access', adds: ['partner'] },
    { question: 'the gdap ran out last week', adds: ['expire'] },
    { question: 'whats the longest a gdap can be', adds: ['maximum', 'duration'] },
    { question: 'customer ignored the request', adds: ['never', 'approved'] },
    { question: 'we got two partners', adds: ['multiple', 'partners'] },
    { question: 'partner asked for GA and we dont want that', adds: ['decline'] },
    { question: 'partners page in the admin center', adds: ['relationships'] },
    { question: 'there is no remove roles button', adds: ['missing'] },
    { question: 'we are done with this partner', adds: ['end', 'relationship'] },
    { question: 'can our client see it', adds: ['customer'] },
    { question: 'the cust wants the invite again', adds: ['customer'] },
    { question: 'cx removed our roles', adds: ['customer'] },
    { question: 'partner kicks off the job', adds: ['start'] },
    { question: 'can we kill the relationship', adds: ['terminate'] },
    { question: 'we signed off the request', adds: ['approve'] },
    { question: 'is there a cap on users', adds: ['limit'] },
    { question: 'history of what they did', adds: ['change', 'log'] },
    { question: 'lock the partner out', adds: ['block'] },
    { question: 'does it renew', adds: ['auto', 'extend'] },
  ])('expands "$question" with $adds', ({ question, adds }) => {
    const words = expandQuery(question).split(' ');
    for (const word of adds) expect(words).toContain(word);
  });

  it.each(['gap analysis', 'garage', 'abc', 'database'])('leaves "%s" alone: abbreviations match whole words only', (question) => {
    expect(expandQuery(question)).toBe(question);
  });

  it('keeps the original words and adds none twice', () => {
    const expanded = expandQuery('business central BC');
    expect(expanded.startsWith('business central bc')).toBe(true);
    expect(expanded.split(' ').filter((word) => word === 'business')).toHaveLength(1);
  });
});

describe('expandQuestion', () => {
  it('groups an abbreviation with its expansion, and keeps other words apart', () => {
    expect(expandQuestion('is the BC job queue blocked').concepts).toEqual(
      expect.arrayContaining([
        { written: ['bc'], added: ['business', 'central'] },
        { written: ['job', 'queue'], added: ['job', 'queue'] },
        { written: ['blocked'], added: ['cannot'] },
        { written: ['is'], added: [] },
      ]),
    );
  });

  it('merges entries that match overlapping words into one concept', () => {
    const concepts = expandQuestion('do delegated admins consume a license').concepts;
    const license = concepts.filter((concept) => concept.written.includes('license'));
    expect(license).toHaveLength(1);
    expect(license[0]?.written).toContain('consume');
  });

  it('keeps two separate matches of a shared word apart', () => {
    const concepts = expandQuestion('helpdesk agent or admin agent').concepts;
    expect(concepts.filter((concept) => concept.added.length > 0)).toHaveLength(2);
  });
});

describe('workload roles', () => {
  it.each([
    'can we add Exchange Administrator to the relationship',
    'is SharePoint Administrator enough',
    'our partner has the Intune Administrator role',
  ])('"%s" searches the role, not the workload', (question) => {
    const { text } = expandQuestion(question);
    expect(text).toMatch(/\bentra\b/);
    expect(text).toMatch(/\brole\b/);
    expect(text).not.toMatch(/\b(exchange|sharepoint|intune)\b/);
  });

  it('replaces every workload role named, each as its own concept', () => {
    const expanded = expandQuestion('Exchange Administrator now, SharePoint Administrator later');
    expect(expanded.text).not.toMatch(/exchange|sharepoint/);
    expect(expanded.concepts.filter((concept) => concept.added.includes('role'))).toHaveLength(2);
  });
});
