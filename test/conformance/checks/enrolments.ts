import type { EnrolmentRecord } from '../../../main/shop-api/enrolments';
import { CheckSkipped, expectEqual, expectThat, fail, show, type Check } from '../check';
import { expectRefusal } from '../moodle-errors';
import type { SiteUnderTest } from '../site-under-test';

/**
 * local_shopbackoffice_get_enrolments (docs/shop-api.md, "Enrolments"): every enrolment of the courses named,
 * once, in rising id order, whatever the page size; `remaining` counts what follows; bad arguments are refused.
 */
const SMALL_PAGE = 2;

/** Every course of the site but the front page, from Moodle's own function (in the service). */
async function courseIds(site: SiteUnderTest): Promise<number[]> {
  const answer = await site.raw('core_course_get_courses_by_field', {});
  const courses = (answer.json as { courses?: { id: number }[] } | undefined)?.courses;
  if (!Array.isArray(courses)) fail(`core_course_get_courses_by_field answered ${show(answer.body)}`);
  return courses.map((course) => course.id).filter((id) => id !== 1);
}

async function allPages(site: SiteUnderTest, courses: number[], limit: number): Promise<EnrolmentRecord[]> {
  const seen: EnrolmentRecord[] = [];
  let afterid = 0;
  for (;;) {
    const page = await site.api.enrolments(courses, afterid, limit);
    expectThat(page.enrolments.length <= limit, `a page of ${page.enrolments.length} enrolments for a limit of ${limit}`);
    for (const enrolment of page.enrolments) {
      expectThat(enrolment.id > afterid, `enrolment ${enrolment.id} came after ${afterid}: ids must rise`);
      expectThat(courses.includes(enrolment.courseid), `enrolment ${enrolment.id} is in course ${enrolment.courseid}, not asked for`);
      afterid = enrolment.id;
    }
    seen.push(...page.enrolments);
    if (page.enrolments.length === 0) {
      expectEqual('remaining after the last page', page.remaining, 0);
      return seen;
    }
    expectEqual(`afterid of the page ending with ${afterid}`, page.afterid, afterid);
    if (page.remaining === 0) return seen;
  }
}

export const enrolmentChecks: Check[] = [
  {
    name: 'get_enrolments: pages of 2 give what the largest pages give, each enrolment once, ids rising, remaining counting the rest',
    async run({ site }) {
      const courses = await courseIds(site);
      if (courses.length === 0) throw new CheckSkipped('the site has no course');
      const big = await allPages(site, courses.slice(0, 500), site.maxPage);
      if (big.length === 0) throw new CheckSkipped('no course of the site has an enrolment');
      const small = await allPages(site, courses.slice(0, 500), SMALL_PAGE);
      expectEqual('enrolments in pages of 2 against the largest pages', small, big);
      const first = await site.api.enrolments(courses.slice(0, 500), 0, 1);
      expectEqual('remaining after the first enrolment', first.remaining, big.length - 1);
      for (const enrolment of big) {
        expectThat(
          [0, 1].includes(enrolment.status) && [0, 1].includes(enrolment.instancestatus),
          `enrolment ${enrolment.id}: ${show(enrolment)}`,
        );
      }
    },
  },
  {
    name: 'get_enrolments: no course, more than 500, a limit of 0 or above maxpage are invalidparameter',
    async run({ site }) {
      const fn = 'local_shopbackoffice_get_enrolments';
      expectRefusal(`${fn} naming no course`, await site.raw(fn, { courseids: [] }), 'invalidparameter');
      const many = Array.from({ length: 501 }, (_, k) => k + 2);
      expectRefusal(`${fn} naming 501 courses`, await site.raw(fn, { courseids: many }), 'invalidparameter');
      for (const limit of [0, site.maxPage + 1]) {
        expectRefusal(`${fn} with limit ${limit}`, await site.raw(fn, { courseids: [2], limit }), 'invalidparameter');
      }
    },
  },
];
