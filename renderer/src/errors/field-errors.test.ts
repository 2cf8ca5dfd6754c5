import { describe, expect, it } from 'vitest';
import { hasFieldErrors, splitFieldErrors } from './field-errors';

const fields = ['name', 'url', 'token'] as const;

describe('splitFieldErrors', () => {
  it('puts each invalid_input issue under its field', () => {
    const split = splitFieldErrors(
      {
        code: 'invalid_input',
        message: 'Invalid input',
        details: {
          issues: [
            { path: ['url'], message: 'Enter the address' },
            { path: ['token'], message: 'Too short' },
            { path: ['token'], message: 'Bad characters' },
          ],
        },
      },
      fields,
    );
    expect(split.fields).toEqual({ url: ['Enter the address'], token: ['Too short', 'Bad characters'] });
    expect(split.rest).toBeNull();
  });

  it('keeps the error for the form when an issue names no known field', () => {
    const error = { code: 'invalid_input' as const, message: 'Invalid', details: { issues: [{ path: [], message: 'Unrecognized key' }] } };
    expect(splitFieldErrors(error, fields)).toEqual({ fields: {}, rest: error });
  });

  it('reads fields nested in the input under a name', () => {
    const split = splitFieldErrors(
      {
        code: 'invalid_input',
        message: 'Invalid input',
        details: {
          issues: [
            { path: ['details', 'url'], message: 'Enter the address' },
            { path: ['id'], message: 'Too small' },
          ],
        },
      },
      fields,
      'details',
    );
    expect(split.fields).toEqual({ url: ['Enter the address'] });
    expect(split.rest?.code).toBe('invalid_input');
  });

  it('maps a refusal with details.field to that field', () => {
    const split = splitFieldErrors({ code: 'profile_name_taken', message: 'Already named', details: { field: 'name' } }, fields);
    expect(split.fields).toEqual({ name: ['Already named'] });
    expect(split.rest).toBeNull();
  });

  it('leaves other errors for the form', () => {
    const error = { code: 'moodle_unreachable' as const, message: 'Check the address' };
    const split = splitFieldErrors(error, fields);
    expect(split.rest).toBe(error);
    expect(hasFieldErrors(split.fields)).toBe(false);
  });
});
