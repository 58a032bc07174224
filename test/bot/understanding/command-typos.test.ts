import { beforeAll, describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '#bot/menu.ts';
import { createUnderstandingEngine } from '#bot/understanding/understanding.ts';
import type { AskerSide, IntentName } from '#domain/understanding/intents.ts';
import type { UnderstandingEngine } from '#domain/understanding/understand.ts';
import { SCHEMA_NAMES } from '#eval/nlu/nlu-eval.ts';

/** Every command word of the menu (and the welcome-only ones), with the task it starts and who types it. */
const COMMANDS: readonly { command: string; intent: IntentName; side: AskerSide }[] = [
  { command: 'invite a customer', intent: 'inviteCustomer', side: 'partner' },
  { command: 'new gdap', intent: 'requestGdap', side: 'partner' },
  { command: 'assign groups', intent: 'assignGroups', side: 'partner' },
  { command: 'my customers', intent: 'myCustomers', side: 'partner' },
  { command: 'role templates', intent: 'roleTemplates', side: 'partner' },
  { command: 'dap to gdap', intent: 'migrateDap', side: 'partner' },
  { command: 'check our gdap', intent: 'checkPosture', side: 'partner' },
  { command: 'invitations', intent: 'invitations', side: 'customer' },
  { command: 'customer agreement', intent: 'customerAgreement', side: 'customer' },
  { command: 'my partners', intent: 'myPartners', side: 'customer' },
  { command: 'remove roles', intent: 'removeRoles', side: 'customer' },
];

/**
 * The usual slips of one word of a command: two neighbouring letters swapped ("hlep", "dpa"), or one letter left out
 * of a longer word ("custmers"); one word at a time, the others as they are.
 */
function typosOf(command: string): string[] {
  const words = command.split(' ');
  const typos = new Set<string>();
  words.forEach((word, at) => {
    const variants: string[] = [];
    if (word.length >= 3)
      for (let i = 0; i + 1 < word.length; i += 1) variants.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    if (word.length >= 5) for (let i = 1; i < word.length; i += 1) variants.push(word.slice(0, i) + word.slice(i + 1));
    for (const variant of variants) if (variant !== word) typos.add(words.map((w, j) => (j === at ? variant : w)).join(' '));
  });
  return [...typos];
}

describe('typos of every command word are that command (one word misspelt at a time)', () => {
  let engine: UnderstandingEngine;
  beforeAll(async () => {
    engine = await createUnderstandingEngine();
  });

  it('covers every command of the menu (ask is answered before understanding, and "aks" is tested over HTTP)', () => {
    const covered = COMMANDS.map((c) => c.command);
    for (const { command } of MENU_COMMANDS) if (command !== 'ask') expect(covered).toContain(command);
  });

  it.each(COMMANDS)('$command', async ({ command, intent, side }) => {
    const typos = typosOf(command);
    expect(typos.length).toBeGreaterThan(2);
    const wrong: string[] = [];
    for (const text of typos) {
      const understood = await engine.understand({ text, side, names: SCHEMA_NAMES });
      if (understood.intent !== intent || understood.certainty !== 'sure')
        wrong.push(`${text} → ${understood.intent} (${understood.certainty}, "${understood.corrected}")`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(['help', 'menu'])('typos of "%s" are help', async (command) => {
    for (const text of typosOf(command)) {
      const understood = await engine.understand({ text, side: 'partner', names: SCHEMA_NAMES });
      expect(understood.intent, text).toBe('help');
    }
  });
});
