import { describe, expect, it } from 'vitest';
import { COURSE_KEYS, HANDLER_FORMS, handlerParamIssues, RUNNABLE_HANDLERS, type ParamKind } from '../../shared/handler-params';
import type { LineInput } from './line-input';
import { planLine } from './plan-line';
import { STANDARD_ROLES, targetCourseKey, type SiteFacts } from './site-facts';

/**
 * The item editor's check and the Production run read a catalog item's parameters with one rule: for every
 * parameter of every handler this app runs, and values of every shape, the editor refuses a value exactly when
 * the run stops on it (`bad_parameter`). Issue 19: the editor once accepted `+90D` and the run refused it.
 */

const NOW = 1_796_000_000;

/** What each handler needs besides the parameter under test, so only that parameter can be refused. */
const BASE: Record<(typeof RUNNABLE_HANDLERS)[number], Record<string, string>> = {
  std_enrolonecourse: { coursename: 'EXCEL-BASE' },
  std_extendenrolperiod: { coursename: 'EXCEL-BASE', extension: '30' },
  std_assignroleoncontext: { contextlevel: '50', instance: '3', role: 'student' },
  std_setuponecoursesession: { coursename: 'EXCEL-BASE' },
};

const SHAPES: Record<ParamKind, string[]> = {
  integer: ['', '0', '7', '-3', 'abc', '1.5', ' 7', '1e3'],
  time: ['', '0', '1800000000', '-5', 'tomorrow', '2026-12-06'],
  endtime: ['', '0', '1800000000', '+90D', '+12H', '+90d', '%2B90D', '90D', '+D', ' +90D'],
  contextlevel: ['', '10', '50', 'course', 'coursecat', '12', 'galaxy'],
  course: [],
  role: ['', 'student', 'editingteacher', 'a&b', 'x=y'],
  enrol: ['', 'manual', 'a&b'],
  text: ['', 'Session A', 'EXCEL-BASE', 'a&b', 'x=y'],
};

const COURSE_SHAPES: Array<Record<string, string>> = [
  {},
  { coursename: 'EXCEL-BASE' },
  { courseidnumber: 'XL-1' },
  { courseid: '3' },
  { courseid: '0' },
  { courseid: 'abc' },
  { courseid: '-3' },
  { coursename: 'EXCEL-BASE', courseid: 'abc' },
  { coursename: 'A&B' },
];

function lineWith(handler: string, params: Record<string, string>): LineInput {
  return {
    bill: { id: 77, status: 'SOLDOUT', customerid: 5, transactionid: 'TX77', shopid: 1 },
    line: { id: 770, ordering: 1, type: 'BILLING', itemcode: 'ITEM', abstract: 'Item', quantity: 1, customerdata: '', catalogitemid: 12 },
    item: { id: 12, code: 'ITEM', enablehandler: handler, params, handlerparams: '' },
    customer: { id: 5, firstname: 'Claire', lastname: 'Fontaine', email: 'buyer@acme.example', organisation: 'ACME', hasaccount: 0 },
    shopSupportCourseId: 0,
    recorded: { people: new Set(), events: new Set(), products: 0 },
    target: null,
    participants: [],
  };
}

const facts: SiteFacts = {
  now: NOW,
  courses: { 'shortname=EXCEL-BASE': { id: 3, shortname: 'EXCEL-BASE', fullname: 'Excel' } },
  usersByEmail: {},
  usersByUsername: {},
  enrolled: { 3: [] },
  groups: { 3: [] },
  roles: { ...STANDARD_ROLES },
  readCalls: 0,
};

/** The editor's verdict and the run's on one parameter (a course's three keys are one field). */
function verdicts(handler: string, params: Record<string, string>, field: string) {
  const keys = field === 'course' ? [...COURSE_KEYS] : [field];
  const editor = handlerParamIssues(handler, params).some((found) => found.field === `handlerparams.${field}`);
  const run = planLine(lineWith(handler, params), facts).problems.some(
    (found) => found.code === 'bad_parameter' && keys.includes(String(found.params['parameter']) as never),
  );
  return { editor, run };
}

describe('the item editor and the Production run agree on handler parameters', () => {
  for (const handler of RUNNABLE_HANDLERS) {
    it(`${handler}: every parameter, every shape of value`, () => {
      let compared = 0;
      for (const spec of HANDLER_FORMS[handler] ?? []) {
        if (spec.kind === 'course') {
          for (const course of COURSE_SHAPES) {
            const params: Record<string, string> = { ...BASE[handler], ...course };
            if (!('coursename' in course)) delete params['coursename'];
            const { editor, run } = verdicts(handler, params, 'course');
            expect(run, `${handler} ${JSON.stringify(course)}: editor ${editor ? 'refuses' : 'accepts'}`).toBe(editor);
            compared += 1;
          }
          continue;
        }
        for (const value of SHAPES[spec.kind]) {
          const params: Record<string, string> = { ...BASE[handler], [spec.key]: value };
          if (value === '') delete params[spec.key];
          const { editor, run } = verdicts(handler, params, spec.key);
          expect(run, `${handler} ${spec.key}=${JSON.stringify(value)}: editor ${editor ? 'refuses' : 'accepts'}`).toBe(editor);
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(10);
    });
  }

  it('both refuse an escaped plus, which the shop keeps as typed', () => {
    expect(verdicts('std_enrolonecourse', { coursename: 'EXCEL-BASE', endtime: '%2B90D' }, 'endtime')).toEqual({ editor: true, run: true });
    expect(verdicts('std_enrolonecourse', { coursename: 'EXCEL-BASE', endtime: '+90D' }, 'endtime')).toEqual({ editor: false, run: false });
  });

  it('both pick the course the shop picks when several keys are given: the shortname first', () => {
    expect(targetCourseKey({ courseid: '9', courseidnumber: 'XL-1', coursename: 'EXCEL-BASE' })).toEqual({
      field: 'shortname',
      value: 'EXCEL-BASE',
    });
    expect(targetCourseKey({ courseid: '9', courseidnumber: 'XL-1' })).toEqual({ field: 'idnumber', value: 'XL-1' });
  });
});
