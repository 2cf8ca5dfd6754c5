import { describe, expect, it } from 'vitest';
import { commandNames, commands, eventNames, isCommandName } from './index';

describe('the contract', () => {
  it('names commands domain.verb and events domain.pastTense', () => {
    for (const name of commandNames) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*(ed|Changed)$/);
  });

  it('gives every command an input schema that takes one object', () => {
    for (const name of commandNames) {
      expect(commands[name].input.safeParse('a string').success, name).toBe(false);
      expect(commands[name].summary.length, name).toBeGreaterThan(10);
    }
  });

  it('does not treat inherited object keys as commands', () => {
    expect(isCommandName('toString')).toBe(false);
    expect(isCommandName('constructor')).toBe(false);
  });
});
