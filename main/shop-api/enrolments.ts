import { z } from 'zod';

/**
 * local_shopbackoffice_get_enrolments' answer (docs/shop-api.md, "Enrolments"): a page of the user enrolments of
 * a set of courses, by enrolment id, with the user's roles and groups in the course. What the audit of sales
 * compares with the products the shop sold.
 */
const int = z.number().int();

export const enrolmentRecord = z.object({
  id: int,
  courseid: int,
  userid: int,
  enrol: z.string(),
  enrolid: int,
  /** 0: the method is enabled in the course; 1: disabled (the enrolment gives no access). */
  instancestatus: int,
  /** 0: active; 1: suspended. */
  status: int,
  timestart: int,
  /** 0: no end. */
  timeend: int,
  timecreated: int,
  timemodified: int,
  roleids: z.array(int),
  groupids: z.array(int),
});
export type EnrolmentRecord = z.infer<typeof enrolmentRecord>;

export const enrolmentsPage = z.object({ enrolments: z.array(enrolmentRecord), afterid: int, remaining: int });
export type EnrolmentsPage = z.infer<typeof enrolmentsPage>;

/** The most courses one call names (the plugin's limit). */
export const MAX_ENROLMENT_COURSES = 500;
