import { describe, expect, it } from 'vitest';
import type { LoggedMoodle } from './logged-moodle';
import { usersByEmail } from './site-reads';

/**
 * Reads as a real site answers a token's user without moodle/user:viewalldetails (seen on Moodle 4.5.6 with the
 * plugin's documented role before that capability was added): core_user_get_users leaves the username out.
 */
function siteAnswering(users: object[]): LoggedMoodle {
  const fake = { call: async () => ({ users, warnings: [] }) };
  return fake as unknown as LoggedMoodle;
}

describe('usersByEmail', () => {
  it('finds an account whose username Moodle left out, with an empty username rather than none', async () => {
    const moodle = siteAnswering([{ id: 13073, firstname: 'Inès', lastname: 'Le Goff', email: 'ineslegoff@free.example' }]);
    const found = await usersByEmail(moodle, ['InesLeGoff@free.example']);
    expect(found.get('ineslegoff@free.example')).toEqual({
      id: 13073,
      firstname: 'Inès',
      lastname: 'Le Goff',
      email: 'ineslegoff@free.example',
      username: '',
    });
  });

  it('keeps the username when Moodle gives it, and the oldest account of an email', async () => {
    const moodle = siteAnswering([
      { id: 9, username: 'b.two', firstname: 'B', lastname: 'Two', email: 'b@x.example' },
      { id: 7, username: 'b.one', firstname: 'B', lastname: 'One', email: 'B@x.example' },
    ]);
    expect((await usersByEmail(moodle, ['b@x.example'])).get('b@x.example')).toMatchObject({ id: 7, username: 'b.one' });
  });
});
