import { describe, expect, it } from 'vitest';
import { encodeHandlerParams, HANDLER_FORMS, handlerParamIssues, parseHandlerParams } from './handler-params';

const codes = (handler: string, text: string) => handlerParamIssues(handler, parseHandlerParams(text)).map((i) => [i.field, i.code]);

describe('handler parameters, read as the shop reads them', () => {
  it('splits on & and =, skips a pair without =, and decodes nothing', () => {
    // CatalogItem.class.php: explode('&'), then list($param, $value) = explode('=', $pair).
    expect(parseHandlerParams('coursename=EXCEL-BASE&groupname=Excel avancé&endtime=+90D&empty=&&flag&odd=a=b')).toEqual({
      coursename: 'EXCEL-BASE',
      groupname: 'Excel avancé',
      endtime: '+90D',
      empty: '',
      odd: 'a',
    });
    // What an earlier version of this app wrote: the shop keeps the six characters, so do we.
    expect(parseHandlerParams('endtime=%2B90D&groupname=Session+A')).toEqual({ endtime: '%2B90D', groupname: 'Session+A' });
  });

  it('writes back what it read, unchanged, in the form’s order', () => {
    for (const [handler, text] of [
      ['std_enrolonecourse', 'coursename=EXCEL-BASE&role=student&enrol=manual&endtime=+180D&groupname=Session A'],
      ['std_assignroleoncontext', 'contextlevel=10&instance=0&role=studentplus'],
      ['std_setuponecoursesession', 'coursename=SST&tutorrole=editingteacher&endtime=+12H'],
    ] as const) {
      const params = parseHandlerParams(text);
      expect(encodeHandlerParams(handler, params)).toBe(text);
      expect(handlerParamIssues(handler, params)).toEqual([]);
    }
    expect(encodeHandlerParams('std_enrolonecourse', { endtime: '+90D', coursename: 'X', extra: 'kept' })).toBe(
      'coursename=X&endtime=+90D&extra=kept',
    );
  });

  it('finds what is wrong without the site', () => {
    expect(codes('std_enrolonecourse', 'role=student')).toEqual([['handlerparams.course', 'handlerParamRequired']]);
    expect(codes('std_enrolonecourse', 'courseid=abc&endtime=soon')).toEqual([
      ['handlerparams.course', 'handlerParamInvalid'],
      ['handlerparams.endtime', 'handlerParamInvalid'],
    ]);
    expect(codes('std_assignroleoncontext', 'contextlevel=12&instance=0&role=x')).toEqual([
      ['handlerparams.contextlevel', 'handlerParamInvalid'],
    ]);
    expect(codes('std_assignroleoncontext', 'contextlevel=course&instance=7&role=x')).toEqual([]);
    expect(codes('std_extendenrolperiod', 'coursename=X&extension=0')).toEqual([['handlerparams.extension', 'handlerParamInvalid']]);
    expect(codes('std_bogus', '')).toEqual([['enablehandler', 'handlerUnknown']]);
  });

  it('refuses what the shop would misread: an escaped plus, lower-case units, a sign', () => {
    expect(codes('std_enrolonecourse', 'coursename=X&endtime=%2B90D')).toEqual([['handlerparams.endtime', 'handlerParamInvalid']]);
    expect(codes('std_enrolonecourse', 'coursename=X&endtime=+90d')).toEqual([['handlerparams.endtime', 'handlerParamInvalid']]);
    expect(codes('std_enrolonecourse', 'coursename=X&starttime=-5')).toEqual([['handlerparams.starttime', 'handlerParamInvalid']]);
  });

  it('refuses a value or a key holding & or =, which the shop would cut, in known and other parameters', () => {
    const issues = handlerParamIssues('std_enrolonecourse', { coursename: 'A&B', groupname: 'x=y', 'my&key': '1' });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['handlerparams.course', 'handlerParamReserved'],
      ['handlerparams.groupname', 'handlerParamReserved'],
      ['handlerparams.my&key', 'handlerParamReserved'],
    ]);
  });

  it('has a form for every handler the shop names, each key once', () => {
    for (const [handler, form] of Object.entries(HANDLER_FORMS)) {
      const keys = form.map((spec) => spec.key);
      expect(new Set(keys).size, handler).toBe(keys.length);
    }
  });
});
