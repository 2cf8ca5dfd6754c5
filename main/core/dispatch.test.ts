import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/contract';
import { createDispatch } from './dispatch';
import { silentLogger } from './logger';
import { spyCommands } from '../../test/support/spy-commands';

describe('dispatch', () => {
  it('rejects a malformed payload with invalid_input before the command runs', async () => {
    const { commands, calls } = spyCommands();
    const dispatch = createDispatch(commands, silentLogger);
    const result = await dispatch('profiles.create', { name: '', url: 'ftp://nope', token: 'x' }, { transport: 'internal' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.details?.['issues']).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ['url'] }), expect.objectContaining({ path: ['token'] })]),
    );
    expect(calls).toEqual([]);
  });

  it('rejects unknown keys, so a typo in a script is not silently ignored', async () => {
    const { commands, calls } = spyCommands();
    const result = await createDispatch(commands, silentLogger)('settings.update', { langage: 'fr' }, { transport: 'internal' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('refuses an unknown command, and a name that is not a string', async () => {
    const { commands, calls } = spyCommands();
    const dispatch = createDispatch(commands, silentLogger);
    expect(await dispatch('bills.drop', {}, { transport: 'internal' })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await dispatch({ toString: () => 'app.info' }, {}, { transport: 'internal' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_command' },
    });
    expect(await dispatch('__proto__', {}, { transport: 'internal' })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(calls).toEqual([]);
  });

  it('passes a valid input, parsed, to the command and returns its output', async () => {
    const command = vi.fn(() => ({ language: 'fr' as const, theme: 'dark' as const }));
    const { commands } = spyCommands({ 'settings.update': command });
    const result = await createDispatch(commands, silentLogger)('settings.update', { language: 'fr' }, { transport: 'internal' });
    expect(result).toEqual({ ok: true, value: { language: 'fr', theme: 'dark' } });
    expect(command).toHaveBeenCalledWith({ language: 'fr' });
  });

  it('returns an AppError as its code and message', async () => {
    const { commands } = spyCommands({
      'profiles.select': () => {
        throw new AppError('profile_not_found', 'gone');
      },
    });
    const result = await createDispatch(commands, silentLogger)('profiles.select', { id: 'abc' }, { transport: 'internal' });
    expect(result).toEqual({ ok: false, error: { code: 'profile_not_found', message: 'gone' } });
  });

  it('hides the details of an unexpected error behind internal', async () => {
    const { commands } = spyCommands({
      'settings.get': () => {
        throw new Error('SQLITE_IOERR at /home/secret/path');
      },
    });
    const result = await createDispatch(commands, silentLogger)('settings.get', {}, { transport: 'internal' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('treats a command output that drifts from the contract as internal', async () => {
    const { commands } = spyCommands({ 'settings.get': () => ({ language: 'de', theme: 'dark' }) as never });
    const result = await createDispatch(commands, silentLogger)('settings.get', {}, { transport: 'internal' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
