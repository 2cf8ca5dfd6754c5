import { describe, expect, it } from 'vitest';
import { loadCapture } from '../../test/support/captures';
import { encodeParams } from './encode-params';

describe('encodeParams', () => {
  it('encodes nested arrays and objects PHP-style, booleans as 0/1, and skips absent values', () => {
    expect(
      encodeParams({
        users: [
          {
            username: 'bo.alice',
            auth: 'manual',
            customfields: [{ type: 'company', value: 'Équipe Ré' }],
            suspended: false,
            idnumber: undefined,
          },
        ],
        options: { onlyactive: true },
      }),
    ).toEqual([
      ['users[0][username]', 'bo.alice'],
      ['users[0][auth]', 'manual'],
      ['users[0][customfields][0][type]', 'company'],
      ['users[0][customfields][0][value]', 'Équipe Ré'],
      ['users[0][suspended]', '0'],
      ['options[onlyactive]', '1'],
    ]);
  });

  it('produces the same fields as a real captured request', () => {
    const capture = loadCapture('core_user_create_users__ok_two_users.json');
    const fields = capture.request_params.filter(([key]) => !['wstoken', 'wsfunction', 'moodlewsrestformat'].includes(key));
    const users: Record<string, string>[] = [];
    for (const [key, value] of fields) {
      const match = /^users\[(\d+)\]\[(\w+)\]$/.exec(key);
      if (!match) throw new Error(`unexpected field ${key}`);
      (users[Number(match[1])] ??= {})[match[2]!] = value;
    }
    expect(encodeParams({ users })).toEqual(fields);
  });

  it('refuses a number that Moodle could not read', () => {
    expect(() => encodeParams({ courseid: Number.NaN })).toThrow(/courseid/);
  });
});
