import { describe, expect, it } from 'vitest';
import { listCaptures, loadCapture } from '../../test/support/captures';
import { AppError } from '../../shared/contract';
import { interpretResponse } from './interpret-response';

/** What each Moodle errorcode seen in the captures becomes for the operator. */
function expectedCode(errorcode: string): string {
  if (errorcode === 'invalidtoken') return 'moodle_invalid_token';
  if (errorcode === 'accessexception') return 'moodle_function_missing';
  if (['nopermissions', 'requireloginerror', 'errorcoursecontextnotvalid'].includes(errorcode)) return 'moodle_access_denied';
  return 'moodle_exception';
}

// The client always asks for JSON; these two captures show the XML format Moodle falls back to without it.
const XML_ONLY = new Set(['07_generic__xml_format_success.json', '08_generic__xml_format_error.json']);

describe('interpretResponse on every real capture', () => {
  const files = listCaptures().filter((f) => !XML_ONLY.has(f));

  it('covers the captures', () => {
    expect(files.length).toBeGreaterThan(160);
  });

  it.each(files)('%s', (file) => {
    const capture = loadCapture(file);
    const run = () =>
      interpretResponse(capture.function, 'https://moodle.example.com', { status: capture.http_status, body: capture.response_body });
    if (capture.http_status === 403) {
      expect(run).toThrow(expect.objectContaining({ code: 'moodle_ws_disabled' }));
      return;
    }
    const body = JSON.parse(capture.response_body) as unknown;
    const isError = typeof body === 'object' && body !== null && 'exception' in body && 'errorcode' in body;
    if (!isError) {
      expect(run()).toEqual(body);
      return;
    }
    const { errorcode, debuginfo } = body as { errorcode: string; debuginfo?: string };
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const appError = thrown as AppError;
    expect(appError.code).toBe(expectedCode(errorcode));
    expect(appError.details).toMatchObject({ function: capture.function, errorcode });
    // The reason Moodle gives only with debugging on is kept: it is the only place it says what was wrong.
    if (debuginfo) expect(appError.details?.['debuginfo']).toBe(debuginfo);
    if (appError.code === 'moodle_function_missing') expect(appError.message).toMatch(/site administrator must add/);
  });

  it('reports faults the captures do not show: a PHP error page, truncated JSON, HTTP 500, a redirect', () => {
    const site = 'https://moodle.example.com';
    const code = (response: { status: number; body: string; location?: string }) => {
      try {
        interpretResponse('core_user_get_users', site, response);
      } catch (error) {
        return (error as AppError).code;
      }
      return 'ok';
    };
    expect(code({ status: 200, body: '<br />\n<b>Fatal error</b>: Allowed memory size exhausted in <b>/var/www/lib/dml.php</b>' })).toBe(
      'moodle_bad_response',
    );
    expect(code({ status: 200, body: '{"users":[{"id":5,"username":"bo.al' })).toBe('moodle_truncated');
    expect(code({ status: 500, body: '' })).toBe('moodle_server_error');
    expect(code({ status: 303, body: '', location: 'https://moodle.example.com/login/index.php' })).toBe('moodle_bad_response');
    expect(code({ status: 200, body: 'null' })).toBe('ok');
  });

  it('tells a function the site does not have from a record it does not have (Moodle 4.5 and 5.0 answers)', () => {
    const site = 'https://moodle.example.com';
    const missing = (fn: string, errorcode: string) => {
      const body = JSON.stringify({ exception: 'dml_missing_record_exception', errorcode, message: "Can't find data record in database." });
      try {
        interpretResponse(fn, site, { status: 200, body });
      } catch (error) {
        return (error as AppError).code;
      }
      return 'ok';
    };
    // A function that looks no record up: the record missing is the function itself.
    for (const errorcode of ['invalidrecord', 'invalidrecordunknown']) {
      expect(missing('local_shopbackoffice_sync_bills', errorcode)).toBe('moodle_function_not_installed');
      expect(missing('local_shopbackoffice_get_site', errorcode)).toBe('moodle_function_not_installed');
      // One that looks up the bill, course or user it is given: that record may be the one missing.
      expect(missing('local_shopbackoffice_transition_bill', errorcode)).toBe('moodle_exception');
      expect(missing('core_enrol_get_course_enrolment_methods', errorcode)).toBe('moodle_exception');
    }
  });
});
