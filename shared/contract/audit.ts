import { z } from 'zod';
import { command, event } from './define';
import { diagnosisSchema } from './production';

/**
 * The audit of sales: every product a customer owns (and every paid line whose handler made none yet), compared
 * with Moodle's enrolments (local_shopbackoffice_get_enrolments), and the enrolments of the courses the shop sells
 * that no sale explains. Findings are kept in the cache, so the list works offline; "fix" sends, for a
 * selection, the writes the handlers would have sent.
 */

/**
 * What is wrong, one word each in every layer:
 * - `not_enrolled`: paid (a product, or a paid line the handler has not produced yet), no enrolment in the course;
 * - `ended_early`: enrolled, but the enrolment ends before the product does;
 * - `suspended`: enrolled, but the enrolment is suspended or its method is disabled in the course;
 * - `wrong_role`: enrolled without the role the handler gives;
 * - `not_in_group`: enrolled, but not in the session's (or the parameters') group;
 * - `no_account`: the person the product is for has no Moodle account;
 * - `without_sale`: an active enrolment in a course the shop sells that no current product explains (listed
 *   apart, never fixed by the app).
 */
export const auditKinds = ['not_enrolled', 'ended_early', 'suspended', 'wrong_role', 'not_in_group', 'no_account', 'without_sale'] as const;
export const auditKindSchema = z.enum(auditKinds);
export type AuditKind = z.infer<typeof auditKindSchema>;

const int = z.number().int();

/** What the site has for the person in the course, when it has an enrolment. */
export const auditEnrolmentSchema = z.object({
  id: int,
  enrol: z.string(),
  /** 0 active, 1 suspended. */
  status: int,
  /** 0 the method is enabled in the course, 1 disabled. */
  instancestatus: int,
  timestart: int,
  /** 0: no end. */
  timeend: int,
  roleids: z.array(int),
  groupids: z.array(int),
});
export type AuditEnrolment = z.infer<typeof auditEnrolmentSchema>;

export const auditFindingSchema = z.object({
  id: int,
  kind: auditKindSchema,
  /** The sale: 0 for `without_sale`. */
  billId: int,
  billItemId: int,
  /** 0 when the paid line has no product yet, and for `without_sale`. */
  productId: int,
  /** The product's reference ('' without a product). */
  reference: z.string(),
  customerId: int,
  customer: z.string(),
  /** When the bill was paid (its last state change to paid), Unix seconds; 0 for `without_sale`. */
  paidAt: int,
  courseId: int,
  course: z.string(),
  /** The Moodle account; 0 when there is none (`no_account`). */
  userId: int,
  /** The person: name and email as the shop knows them, or the Moodle user id when it does not. */
  who: z.string(),
  email: z.string(),
  /** What the product calls for. */
  expected: z.object({
    role: z.string(),
    roleId: int,
    timestart: int,
    /** 0: no end. */
    timeend: int,
    /** The group the person should be in; '' for none. */
    group: z.string(),
  }),
  /** What the site has; null when there is no enrolment. */
  found: auditEnrolmentSchema.nullable(),
  /** When the audit saw it, Unix seconds. */
  seenAt: int,
});
export type AuditFinding = z.infer<typeof auditFindingSchema>;

export const auditCountsSchema = z.record(auditKindSchema, int);
export type AuditCounts = z.infer<typeof auditCountsSchema>;

export const auditRunSchema = z.object({
  id: int,
  scope: z.enum(['full', 'changed']),
  startedAt: int,
  finishedAt: int.nullable(),
  outcome: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Products and paid lines compared, and enrolments read. */
  products: int,
  enrolments: int,
  courses: int,
  calls: int,
  ms: int,
  /** The refusal's text when it failed. */
  error: z.string(),
});
export type AuditRun = z.infer<typeof auditRunSchema>;

/** One write a fix sends: the Moodle function and what it does, in words the plan shows. */
export const auditWriteSchema = z.object({
  function: z.string(),
  /** What this write does: `enrol`, `account`, `group`, `member`. */
  action: z.enum(['account', 'enrol', 'group', 'member']),
  course: z.string(),
  who: z.string(),
  roleId: int,
  role: z.string(),
  timestart: int,
  timeend: int,
  group: z.string(),
});

export const auditFixSchema = z.object({
  findingId: int,
  kind: auditKindSchema,
  who: z.string(),
  course: z.string(),
  /** The writes, in order; empty when the site is right already (nothing to send) or the fix is refused. */
  writes: z.array(auditWriteSchema),
  /** Why this one is not fixed by the app: `without_sale` (never touched), `method_disabled`, `no_email`, `gone` (fixed already). */
  skipped: z.enum(['without_sale', 'method_disabled', 'no_email', 'gone', 'no_role']).nullable(),
});
export type AuditFix = z.infer<typeof auditFixSchema>;

export const auditPlanSchema = z.object({
  fixes: z.array(auditFixSchema),
  /** Web service calls the writes take (they go in batches), and the reads the plan took. */
  writeCalls: int,
  readCalls: int,
});
export type AuditPlan = z.infer<typeof auditPlanSchema>;

const auditFilter = {
  kinds: z.array(auditKindSchema).max(auditKinds.length).optional(),
  /** Words found in the customer, the person, the email, the course or the bill's reference. */
  search: z.string().max(200).optional(),
};

const findingIds = z.array(z.number().int().positive()).min(1).max(10_000);

export const auditCommands = {
  'audit.run': command(
    'Compare every product customers own, and every paid line, with the enrolments on Moodle; `changed` audits what changed since the last audit; returns when done',
    z
      .object({
        runId: z.string().min(8).max(64),
        scope: z.enum(['full', 'changed']).default('full'),
      })
      .strict(),
    z.object({ run: auditRunSchema, counts: auditCountsSchema, total: int }),
  ),
  'audit.check': command(
    'A full audit for a nightly script: refused (a non-zero exit) when it finds something wrong, with the count of each kind',
    z.object({}).strict(),
    z.object({ run: auditRunSchema, counts: auditCountsSchema, total: int }),
  ),
  'audit.cancel': command(
    'Stop an audit in progress; the findings of the previous audit stay',
    z.object({ runId: z.string().min(8).max(64) }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  'audit.list': command(
    "The audit's findings, filtered, one page at a time, with the count of each kind and the last audit",
    z
      .object({
        ...auditFilter,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    z.object({ rows: z.array(auditFindingSchema), total: int, counts: auditCountsSchema, lastRun: auditRunSchema.nullable() }),
  ),
  'audit.plan': command(
    'What fixing these findings would send to Moodle, read from the site now; sends no write',
    z.object({ findingIds }).strict(),
    auditPlanSchema,
  ),
  'audit.fix': command(
    'Fix these findings: plan again from the site, send the writes in batches, then audit them again',
    z.object({ runId: z.string().min(8).max(64), findingIds }).strict(),
    z.object({
      plan: auditPlanSchema,
      /** Findings the site no longer shows after the fix. */
      fixed: int,
      /** Findings still there (their fix was skipped or refused). */
      left: int,
      calls: int,
      /**
       * Moodle's refusal, when a batch was refused: the writes before it were applied. `message` is English (the
       * CLI's); `diagnosis`, when the refusal was diagnosed, is the same coded, for the window to word.
       */
      failure: z
        .object({
          function: z.string(),
          code: z.string(),
          message: z.string(),
          who: z.string().nullable(),
          diagnosis: diagnosisSchema.optional(),
        })
        .nullable(),
    }),
  ),
  'audit.exportXlsx': command(
    "The audit's findings (filtered) to an XLSX workbook, one row each, in words",
    z
      .object({
        exportId: z.string().min(8).max(64),
        file: z.string().min(1).max(4096),
        ...auditFilter,
        locale: z.enum(['fr', 'en']).default('fr'),
      })
      .strict(),
    z.object({ exportId: z.string(), file: z.string(), rows: int }),
  ),
};

export const auditEvents = {
  'audit.progressed': event(
    'An audit or a fix moved on',
    z.object({
      runId: z.string(),
      phase: z.enum(['courses', 'enrolments', 'accounts', 'compare', 'fix', 'recheck']),
      done: int,
      total: int.nullable(),
    }),
  ),
  'audit.changed': event('The findings changed (an audit or a fix finished)', z.object({ counts: auditCountsSchema, total: int })),
};
