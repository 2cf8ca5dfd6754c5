import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT_ID } from '../lib/contexts';
import { insertRecord } from '../lib/dml';
import { roleAssign } from '../lib/roles';
import { startSimulatedSite, type SimulatedSite } from '../start-simulated-site';

/**
 * core_message_send_instant_messages on the simulated site, against what a real Moodle 4.5.6 answered
 * (issue 18's report: the bodies below marked "real" are the site's, byte for byte).
 */

let sim: SimulatedSite;
beforeEach(async () => {
  sim = await startSimulatedSite({ now: 1795306000 });
});
afterEach(async () => {
  await sim.close();
});

async function send(fields: [string, string][], token = sim.adminToken): Promise<string> {
  const res = await fetch(`${sim.url}/webservice/rest/server.php`, {
    method: 'POST',
    body: new URLSearchParams([
      ['wstoken', token],
      ['wsfunction', 'core_message_send_instant_messages'],
      ['moodlewsrestformat', 'json'],
      ...fields,
    ]),
  });
  return res.text();
}

const message = (touserid: number, text: string, clientmsgid: string): [string, string][] => [
  ['messages[0][touserid]', String(touserid)],
  ['messages[0][text]', text],
  ['messages[0][textformat]', '2'],
  ['messages[0][clientmsgid]', clientmsgid],
];

/** A user with a system role allowing these capabilities, and a token of theirs on the service of every function. */
function tokenWith(userid: number, capabilities: readonly string[]): string {
  const roleid = insertRecord(sim.site, 'role', {
    name: 'Senders',
    shortname: `senders${userid}`,
    description: '',
    sortorder: 99,
    archetype: '',
  });
  for (const capability of capabilities)
    insertRecord(sim.site, 'role_capabilities', { contextid: SYSTEM_CONTEXT_ID, roleid, capability, permission: 1 });
  roleAssign(sim.site, roleid, userid, SYSTEM_CONTEXT_ID, 2);
  return sim.addToken({ userid });
}

describe('core_message_send_instant_messages', () => {
  it('posts the message in the pair’s conversation and answers its id, the client id echoed', async () => {
    const answer = JSON.parse(await send(message(3, 'Reminder: bill 12', 'reminder-0'))) as Record<string, unknown>[];
    expect(answer).toEqual([
      {
        msgid: expect.any(Number),
        clientmsgid: 'reminder-0',
        text: '<p>Reminder: bill 12</p>',
        timecreated: 1795306000,
        conversationid: expect.any(Number),
        useridfrom: 2,
        candeletemessagesforallusers: true,
      },
    ]);
    const row = sim.db
      .prepare('SELECT useridfrom, fullmessage, fullmessageformat, conversationid FROM mdl_messages WHERE id = ?')
      .get(answer[0]!['msgid']);
    expect(row).toEqual({
      useridfrom: 2,
      fullmessage: 'Reminder: bill 12',
      fullmessageformat: 2,
      conversationid: answer[0]!['conversationid'],
    });
    const members = sim.db
      .prepare('SELECT userid FROM mdl_message_conversation_members WHERE conversationid = ? ORDER BY userid')
      .pluck()
      .all(answer[0]!['conversationid']);
    expect(members).toEqual([2, 3]);
  });

  it('answers the message sent with its text formatted as Moodle formats plain text (real)', async () => {
    const answer = JSON.parse(await send(message(3, 'Dear Ana & Co,\n\n€228.00 <due>  now.\nBye', 'reminder-1'))) as { text: string }[];
    expect(answer[0]!.text).toBe('<p>Dear Ana &amp; Co,<br>\n<br>\n€228.00 &lt;due&gt;\u00a0 now.<br>\nBye</p>');
    expect(sim.db.prepare('SELECT fullmessage FROM mdl_messages ORDER BY id DESC LIMIT 1').pluck().get()).toBe(
      'Dear Ana & Co,\n\n€228.00 <due>  now.\nBye',
    );
  });

  it('answers an unknown recipient as Moodle does, message by message (real)', async () => {
    expect(await send(message(999999, 'Hello', 'x1'))).toBe(
      '[{"msgid":-1,"clientmsgid":"x1","errormessage":"You cannot send a message to a user ID (999999) that doesn\'t exist.","candeletemessagesforallusers":false}]',
    );
  });

  it('refuses a recipient whose privacy keeps the sender out, unless the sender may message any user (real)', async () => {
    const limited = tokenWith(3, ['moodle/site:sendmessage']);
    expect(await send(message(4, 'Test reminder', 'bill-1-r1'), limited)).toBe(
      '[{"msgid":-1,"clientmsgid":"bill-1-r1","errormessage":"You can\'t message this user due to their message preferences. Try adding them as a contact.","candeletemessagesforallusers":false}]',
    );
    insertRecord(sim.site, 'role_capabilities', {
      contextid: SYSTEM_CONTEXT_ID,
      roleid: sim.db.prepare("SELECT id FROM mdl_role WHERE shortname = 'senders3'").pluck().get() as number,
      capability: 'moodle/site:messageanyuser',
      permission: 1,
    });
    expect(JSON.parse(await send(message(4, 'Test reminder', 'bill-1-r1'), limited))).toEqual([
      expect.objectContaining({ msgid: expect.any(Number), clientmsgid: 'bill-1-r1', useridfrom: 3 }),
    ]);
  });

  it('needs moodle/site:sendmessage, and messaging on', async () => {
    const none = tokenWith(3, []);
    expect(JSON.parse(await send(message(4, 'Hi', 'a'), none))).toMatchObject({ errorcode: 'nopermissions' });
    sim.site.setConfig('messaging', 0);
    expect(JSON.parse(await send(message(4, 'Hi', 'a')))).toMatchObject({
      errorcode: 'disabled',
      message: 'Messaging is disabled on this site',
    });
  });

  it('refuses an empty list and a client id with a space as invalid parameters (real)', async () => {
    const invalid =
      '{"exception":"core\\\\exception\\\\invalid_parameter_exception","errorcode":"invalidparameter","message":"Invalid parameter value detected"}';
    expect(await send([])).toBe(invalid);
    expect(await send(message(3, 'Hi', 'a b'))).toBe(invalid);
  });
});
