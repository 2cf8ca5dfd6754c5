import { describe, expect, it } from 'vitest';
import { errorTextOf, formatErrorText, PLAIN_FORMAT } from '../../shared/errors/error-text';
import type { AppError } from '../../shared/contract';
import { interpretResponse } from './interpret-response';

const SITE = 'https://moodle.example.com';

function refusedWith(fn: string, response: { status: number; body: string; location?: string }): AppError {
  try {
    interpretResponse(fn, SITE, response);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`${fn} was not refused`);
}

const exception = (errorcode: string, message: string, debuginfo?: string) => ({
  status: 200,
  body: JSON.stringify({ exception: 'moodle_exception', errorcode, message, ...(debuginfo ? { debuginfo } : {}) }),
});

/** What the French window writes (formats do not matter to these texts: none names an amount). */
const inFrench = (error: AppError) => {
  const text = errorTextOf(error.details);
  if (!text) throw new Error(`${error.code} carries no text: ${error.message}`);
  return formatErrorText(text.key, text.params, 'fr', PLAIN_FORMAT);
};

describe('what the site answered, in both languages', () => {
  it('quotes a shop refusal’s own words inside a French sentence, and keeps its code and details', () => {
    const error = refusedWith(
      'local_shopbackoffice_record_refund',
      exception(
        'billnotrefundable',
        'Only an invoiced bill that is paid (SOLDOUT or COMPLETE) can be credited and refunded.',
        'bill 12 is PENDING, not invoiced',
      ),
    );
    expect(error.code).toBe('moodle_exception');
    expect(error.details).toMatchObject({
      function: 'local_shopbackoffice_record_refund',
      errorcode: 'billnotrefundable',
      debuginfo: 'bill 12 is PENDING, not invoiced',
    });
    expect(error.message).toBe(
      'Moodle answered local_shopbackoffice_record_refund with an error: billnotrefundable (bill 12 is PENDING, not invoiced). ' +
        'The site says: “Only an invoiced bill that is paid (SOLDOUT or COMPLETE) can be credited and refunded.”',
    );
    expect(inFrench(error)).toBe(
      'Moodle a répondu à local_shopbackoffice_record_refund par une erreur\u00a0: billnotrefundable (bill 12 is PENDING, not invoiced). ' +
        'Le site dit\u00a0: «\u00a0Only an invoiced bill that is paid (SOLDOUT or COMPLETE) can be credited and refunded.\u00a0»',
    );
  });

  it('keeps the English a refusal always had, and words it in French', () => {
    const token = refusedWith('core_webservice_get_site_info', exception('invalidtoken', 'Invalid token - token not found'));
    expect(token.code).toBe('moodle_invalid_token');
    expect(token.message).toMatch(/^The site refused the web service token: it is unknown, expired/);
    expect(inFrench(token)).toMatch(/^Le site a refusé le jeton de service web\u00a0: il est inconnu, expiré/);

    const capability = refusedWith('local_shopbackoffice_sync_bills', exception('nopermissions', 'Sorry, but you do not have permission'));
    expect(capability.message).toBe(
      "The token's user is not allowed to do this: local_shopbackoffice_sync_bills answered nopermissions. Ask the site administrator to give that user the needed capability (local/shopbackoffice:use for the shop's functions).",
    );
    expect(inFrench(capability)).toContain('(local/shopbackoffice:use pour les fonctions de la boutique)');

    const plugin = refusedWith('local_shopbackoffice_get_site', exception('invalidrecordunknown', "Can't find data record in database."));
    expect(plugin.code).toBe('moodle_function_not_installed');
    expect(inFrench(plugin)).toBe(
      'Le site n’a pas de fonction local_shopbackoffice_get_site\u00a0: le plugin local_shopbackoffice n’est pas installé sur le site, ou il est plus ancien que ce back-office. L’administrateur du site doit l’installer ou le mettre à jour (voir le guide des administrateurs de site, docs/moodle-plugin.md).',
    );

    const down = refusedWith('core_user_get_users', { status: 503, body: '' });
    expect(down.message).toBe(
      "The site failed while answering core_user_get_users (HTTP 503). Try again later; if it persists, ask the site administrator to check the server's error log.",
    );
    expect(inFrench(down)).toContain('Le site a échoué en répondant à core_user_get_users (HTTP 503)');

    const moved = refusedWith('core_user_get_users', { status: 301, body: '', location: 'https://moodle.example.com/login/' });
    expect(moved.message).toBe(
      "The site redirected the request to https://moodle.example.com/login/. Use the site's final address (for example https:// instead of http://) in Settings.",
    );
    expect(refusedWith('core_user_get_users', { status: 403, body: '' }).message).toMatch(
      /^Web services are disabled on moodle\.example\.com\./,
    );
  });

  it('says no more than the error code when the site gives no message', () => {
    const error = refusedWith('core_course_get_courses', exception('generalexceptionmessage', '  '));
    expect(error.message).toBe('Moodle answered core_course_get_courses with an error: generalexceptionmessage.');
    expect(formatErrorText('moodle.exception', { function: 'f', errorcode: 'e' }, 'en', PLAIN_FORMAT)).toBe(
      error.message.replace('core_course_get_courses', 'f').replace('generalexceptionmessage', 'e'),
    );
  });
});
