import { moodleException } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { formatValue, multiple, single, value, VALUE_DEFAULT, VALUE_OPTIONAL } from '../external/description';
import { PARAM_ALPHANUMEXT, PARAM_BOOL, PARAM_INT, PARAM_RAW, PARAM_TEXT } from '../external/param-types';
import { hasCapability, requireCapability, validateContext } from '../lib/access';
import { systemContextOf } from '../lib/contexts';
import { insertRecord } from '../lib/dml';
import type { MoodleSite } from '../site';

/**
 * core_message_send_instant_messages, as Moodle 4.5's message/externallib.php has it: messaging must be on
 * (`disabled` otherwise), the caller needs moodle/site:sendmessage in the system context, and each message is
 * answered on its own: `msgid` -1 with an `errormessage` for a recipient that does not exist or that the caller
 * may not message, the new message's id otherwise. Checked against a real 4.5.6 site (the report of issue 18's
 * receivables): an unknown user and a recipient whose privacy refuses the sender answer as below, an empty list
 * and a `clientmsgid` with a space are `invalidparameter`, and a message sent answers its formatted text.
 */

const MESSAGE_MAX_LENGTH = 4096;
const MESSAGE_CONVERSATION_TYPE_INDIVIDUAL = 1;
const MESSAGE_PRIVACY_SITE = 2;

/**
 * api::can_contact_user(), reduced: the sender may bypass privacy (moodle/site:messageanyuser, which a site
 * administrator has), or the recipient accepts messages from anyone on the site (their privacy preference,
 * with messagingallusers on). The simulator keeps no contacts and does not look for shared courses.
 */
function canContact(site: MoodleSite, recipientid: number, senderid: number): boolean {
  if (recipientid === senderid) return true;
  const system = systemContextOf(site);
  if (hasCapability(site, 'moodle/site:readallmessages', system, senderid)) return true;
  if (hasCapability(site, 'moodle/site:messageanyuser', system, senderid)) return true;
  const privacy = site.db
    .prepare("SELECT value FROM mdl_user_preferences WHERE userid = ? AND name = 'message_blocknoncontacts'")
    .pluck()
    .get(recipientid) as string | undefined;
  return site.config('messagingallusers') === '1' && Number(privacy) === MESSAGE_PRIVACY_SITE;
}

/**
 * The `text` Moodle answers: message_format_message_text() of a plain-text message, as a real 4.5.6 gave it for
 * "Dear Ana & Co,\n\n€228.00 <due>  now.\nBye": `<p>Dear Ana &amp; Co,<br>\n<br>\n€228.00 &lt;due&gt;\u00a0 now.<br>\nBye</p>`
 * (s(), two spaces as a no-break space and a space, nl2br, one paragraph). Other formats are answered the same.
 */
function formattedText(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/ {2}/g, '\u00a0 ');
  return `<p>${escaped.replace(/\r?\n/g, '<br>\n')}</p>`;
}

/** message_post_message(): the pair's individual conversation (made on first use) and the message in it. */
function postMessage(site: MoodleSite, from: number, to: number, text: string, format: number): { id: number; conversationid: number } {
  const now = site.now();
  const convhash = [from, to].sort((a, b) => a - b).join('-');
  let conversationid = site.db.prepare('SELECT id FROM mdl_message_conversations WHERE convhash = ?').pluck().get(convhash) as
    number | undefined;
  if (conversationid === undefined) {
    conversationid = insertRecord(site, 'message_conversations', {
      type: MESSAGE_CONVERSATION_TYPE_INDIVIDUAL,
      convhash,
      timecreated: now,
    });
    for (const userid of new Set([from, to]))
      insertRecord(site, 'message_conversation_members', { conversationid, userid, timecreated: now });
  }
  const id = insertRecord(site, 'messages', {
    useridfrom: from,
    conversationid,
    subject: null,
    fullmessage: text,
    fullmessageformat: format,
    fullmessagehtml: null,
    smallmessage: text,
    timecreated: now,
  });
  return { id, conversationid };
}

const sendInstantMessages = defineFunction({
  name: 'core_message_send_instant_messages',
  component: 'core',
  parameters: {
    messages: multiple(
      single({
        touserid: value(PARAM_INT, 'id of the user to send the private message'),
        text: value(PARAM_RAW, 'the text of the message'),
        textformat: { ...formatValue('text', VALUE_DEFAULT), default: 0 },
        clientmsgid: value(
          PARAM_ALPHANUMEXT,
          'your own client id for the message. If this id is provided, the fail message id will be returned to you',
          VALUE_OPTIONAL,
        ),
      }),
    ),
  },
  returns: multiple(
    single({
      msgid: value(PARAM_INT, 'test this to know if it succeeds:  id of the created message if it succeeded, -1 when failed'),
      clientmsgid: value(PARAM_ALPHANUMEXT, 'your own id for the message', VALUE_OPTIONAL),
      errormessage: value(PARAM_TEXT, 'error message - if it failed', VALUE_OPTIONAL),
      text: value(PARAM_RAW, 'The text of the message', VALUE_OPTIONAL),
      timecreated: value(PARAM_INT, 'The timecreated timestamp for the message', VALUE_OPTIONAL),
      conversationid: value(PARAM_INT, 'The conversation id for this message', VALUE_OPTIONAL),
      useridfrom: value(PARAM_INT, 'The user id who sent the message', VALUE_OPTIONAL),
      candeletemessagesforallusers: value(
        PARAM_BOOL,
        'If the user can delete messages in the conversation for all users',
        VALUE_DEFAULT,
        false,
      ),
    }),
  ),
  execute: ({ messages }, { site, user }) => {
    if ((site.config('messaging') ?? '1') === '0') throw moodleException('disabled', 'Messaging is disabled on this site');
    const context = systemContextOf(site);
    validateContext(site, context, user.id);
    requireCapability(site, 'moodle/site:sendmessage', context, user.id);
    const candelete = hasCapability(site, 'moodle/site:deleteanymessage', context, user.id);
    return messages.map((message) => {
      const recipient = site.db.prepare('SELECT id FROM mdl_user WHERE id = ? AND deleted = 0').get(message.touserid);
      let errormessage: string | null = null;
      if (!recipient) errormessage = `You cannot send a message to a user ID (${message.touserid}) that doesn't exist.`;
      else if (Buffer.byteLength(message.text) > MESSAGE_MAX_LENGTH) errormessage = 'The message is longer than the maximum allowed.';
      else if (!canContact(site, message.touserid, user.id))
        errormessage = "You can't message this user due to their message preferences. Try adding them as a contact.";
      const result: Record<string, unknown> = {};
      if (message.clientmsgid !== undefined) result.clientmsgid = message.clientmsgid;
      if (errormessage !== null) return { msgid: -1, ...result, errormessage, candeletemessagesforallusers: false };
      const posted = postMessage(site, user.id, message.touserid, message.text, message.textformat);
      return {
        msgid: posted.id,
        ...result,
        text: formattedText(message.text),
        timecreated: site.now(),
        conversationid: posted.conversationid,
        useridfrom: user.id,
        candeletemessagesforallusers: candelete,
      };
    });
  },
});

export const messageFunctions: readonly ExternalFunction[] = [sendInstantMessages];
