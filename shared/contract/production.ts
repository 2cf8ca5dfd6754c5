import { z } from 'zod';
import { RUNNABLE_HANDLERS } from '../handler-params';
import { EMAIL_MAX, NAME_MAX } from '../production/participants';
import { uploadIdSchema } from './uploads';
import { command, event } from './define';

/**
 * Product handlers run by hand (issue "Product handlers, triggered by hand"): plan first, then run, once.
 * A plan says exactly what a run would send to Moodle; a run sends it in batches and records what it made
 * (product instances, events, feedback) on the bill through the outbox.
 */

export const handlerNameSchema = z.enum(RUNNABLE_HANDLERS);

export const participantSchema = z
  .object({
    firstname: z.string().trim().max(NAME_MAX),
    lastname: z.string().trim().max(NAME_MAX),
    email: z.string().trim().max(EMAIL_MAX),
    role: z.enum(['learner', 'tutor']),
  })
  .strict();

/** Problems found before anything is sent; a blocking one stops the run, the others are shown. */
export const problemCodes = [
  'line_has_no_handler', // the line's catalog item has no handler this app runs
  'course_missing', // the course named in the handler parameters is not on the site
  'support_course_missing',
  'role_unknown', // no web service lists roles: the role's id must be known (standard roles, or defined once)
  'bad_parameter', // a handler parameter cannot be read (a date, a number): the item editor refuses the same
  'manual_enrolment_only', // the shop could enrol by another method; web services enrol by the manual one only
  'no_participants',
  'too_many_participants', // more participants than seats bought
  'fewer_participants', // seats left unassigned (a warning)
  'duplicate_email', // two rows with one email (whatever the case)
  'invalid_email',
  'missing_name',
  'customer_no_email', // the buyer has no Moodle account and no email to make one from
  'user_not_found', // assign role: the beneficiary has no Moodle account
  'product_missing', // extend: the product to extend is not known
  'product_no_end', // extend: the enrolment has no end date, there is nothing to extend
  'product_other_customer', // extend: the product belongs to another customer (a warning)
  'group_name_taken', // another group of the course has the session group's name
  'username_taken', // an account to create gets another username (a warning)
  'already_enrolled', // enrol: the buyer is enrolled already; the dates will be replaced (a warning)
  'bill_not_paid', // a warning: producing before payment is allowed (PREPROD) but worth a look
] as const;
export const problemSchema = z.object({
  code: z.enum(problemCodes),
  blocking: z.boolean(),
  /** 1-based row of the participant list, when the problem is about one person. */
  row: z.number().int().nullable(),
  /** English text for the CLI and logs; the app translates `code` with `params`. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Problem = z.infer<typeof problemSchema>;

/** Who a write is about: a known Moodle user, or an account the run creates first (by email key). */
export const userRefSchema = z.union([z.object({ userid: z.number().int().positive() }), z.object({ newAccount: z.string() })]);
export type UserRef = z.infer<typeof userRefSchema>;

export const accountSchema = z.object({
  row: z.number().int().nullable(),
  firstname: z.string(),
  lastname: z.string(),
  email: z.string(),
  role: z.enum(['buyer', 'learner', 'tutor', 'beneficiary']),
  action: z.enum(['create', 'reuse']),
  userid: z.number().int().nullable(),
  username: z.string(),
  /** Why an account is reused: its email, the same or in another case, or the customer's linked account. */
  reason: z.enum(['new', 'same_email', 'same_email_other_case', 'customer_account', 'username']),
  /** The email as Moodle has it, when reused. */
  moodleEmail: z.string().nullable(),
});
export type PlannedAccount = z.infer<typeof accountSchema>;

export const enrolmentSchema = z.object({
  row: z.number().int().nullable(),
  who: z.string(),
  user: userRefSchema,
  courseId: z.number().int(),
  course: z.string(),
  roleId: z.number().int(),
  role: z.string(),
  timestart: z.number().int(),
  timeend: z.number().int(),
  /** enrol: sent to Moodle; keep: already enrolled with that role, left as is; addRole: enrolled, the role is added. */
  action: z.enum(['enrol', 'keep', 'addRole', 'extend']),
});
export type PlannedEnrolment = z.infer<typeof enrolmentSchema>;

export const groupSchema = z.object({
  courseId: z.number().int(),
  course: z.string(),
  name: z.string(),
  idnumber: z.string(),
  groupId: z.number().int().nullable(),
  action: z.enum(['create', 'reuse']),
  /** Members to add, and members already in it. */
  add: z.array(z.object({ row: z.number().int().nullable(), who: z.string(), user: userRefSchema })),
  already: z.number().int(),
});
export type PlannedGroup = z.infer<typeof groupSchema>;

export const roleAssignmentSchema = z.object({
  who: z.string(),
  user: userRefSchema,
  roleId: z.number().int(),
  role: z.string(),
  contextlevel: z.string(),
  instanceid: z.number().int(),
  /** A user context: the participant whose context it is (an account the run may create first). */
  contextUser: userRefSchema.nullable(),
  action: z.enum(['assign', 'keep']),
});
export type PlannedRoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const extensionSchema = z.object({
  productId: z.number().int(),
  reference: z.string(),
  who: z.string(),
  timestart: z.number().int(),
  previousEnd: z.number().int(),
  newEnd: z.number().int(),
  days: z.number().int(),
  quantity: z.number().int(),
});

const productDraftSchema = z.object({
  /** 0 to create; an existing product's id to update (an extension). */
  id: z.number().int(),
  catalogitemid: z.number().int(),
  customerid: z.number().int(),
  user: userRefSchema.nullable(),
  contexttype: z.string(),
  instanceid: z.number().int(),
  startdate: z.number().int(),
  enddate: z.number().int(),
  productiondata: z.string(),
  extradata: z.string(),
  eventtype: z.enum(['created', 'extended', 'roleassigned']),
  eventdata: z.string(),
});
export type ProductDraft = z.infer<typeof productDraftSchema>;

export const planSchema = z.object({
  billId: z.number().int(),
  billItemId: z.number().int(),
  handler: handlerNameSchema.nullable(),
  itemcode: z.string(),
  abstract: z.string(),
  quantity: z.number().int(),
  customerId: z.number().int(),
  catalogItemId: z.number().int(),
  handlerParams: z.record(z.string(), z.string()),
  /** The time the plan's dates were computed from. */
  now: z.number().int(),
  accounts: z.array(accountSchema),
  enrolments: z.array(enrolmentSchema),
  groups: z.array(groupSchema),
  roleAssignments: z.array(roleAssignmentSchema),
  extension: extensionSchema.nullable(),
  /** Product instances and events this run records on the bill; `recorded` were recorded by an earlier run. */
  products: z.array(productDraftSchema),
  recorded: z.number().int(),
  problems: z.array(problemSchema),
  /** Nothing left to do: every account, enrolment, membership and product is there already. */
  done: z.boolean(),
  /** Moodle calls made to read the site for this plan, and the writes a run would make. */
  readCalls: z.number().int(),
  writeCalls: z.number().int(),
});
export type Plan = z.infer<typeof planSchema>;

export const runOutcomeSchema = z.enum(['done', 'nothing_to_do', 'failed', 'blocked']);

/**
 * What the back-office found a refused write to be (main/production/execute-plan.ts): a code and the values it
 * names, worded in each language by shared/production/diagnosis-text.ts. An item's diagnosis names the row or
 * person Moodle refused the batch for; a site's is about the site, the token or the batch as a whole.
 */
export const itemDiagnosisCodes = [
  'emailInvalid', // { email }
  'emailTaken', // { email }: an account with it was made since the plan
  'usernameTaken', // { username }
  'accountGone', // { userid }
  'roleNotAssignable', // { roleid }
  'groupNameTaken', // { name }
  'notEnrolled', // a group member who is not enrolled in the course
] as const;
export const siteDiagnosisCodes = [
  'manualEnrolDisabled', // { course }
  'manualEnrolDisabledOneOf', // { courses }: a batch of two courses, either may be the one
  'siteFailed', // { message }: the site or the token failed, not an item
  'batchRefused', // { step, code, message }: no item found at fault
] as const;
export const diagnosisCodes = [...itemDiagnosisCodes, ...siteDiagnosisCodes] as const;
export type DiagnosisCode = (typeof diagnosisCodes)[number];
export type ItemDiagnosisCode = (typeof itemDiagnosisCodes)[number];
export const diagnosisSchema = z.object({
  code: z.enum(diagnosisCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /**
   * What the Moodle client made of the site's answer, as a refusal's text key and values (shared/errors), for the
   * diagnoses that quote it (siteFailed, batchRefused): a reader words it in its language, and the site's own
   * message inside it stays as the site wrote it (the site's text, in the site's language, cannot be translated).
   */
  answer: z.object({ key: z.string(), params: z.record(z.string(), z.unknown()) }).optional(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export const runFailureSchema = z.object({
  step: z.string(),
  function: z.string(),
  code: z.string(),
  /** The diagnosis in English, after the row and person it names: what the CLI, the logs and scripts read. */
  message: z.string(),
  /** The same, coded: the window words it in its language. */
  diagnosis: diagnosisSchema,
  /** The item Moodle refused, found by checking the batch's items against the site again. */
  row: z.number().int().nullable(),
  who: z.string().nullable(),
});

export const runResultSchema = z.object({
  runId: z.number().int(),
  outcome: runOutcomeSchema,
  plan: planSchema,
  failure: runFailureSchema.nullable(),
  created: z.object({
    accounts: z.number().int(),
    enrolments: z.number().int(),
    groups: z.number().int(),
    memberships: z.number().int(),
    roleAssignments: z.number().int(),
    products: z.number().int(),
  }),
  /** Moodle calls of the run (reads and writes). */
  calls: z.number().int(),
  ms: z.number().int(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const runLogSchema = z.object({
  id: z.number().int(),
  billItemId: z.number().int(),
  handler: z.string(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  outcome: z.enum(['running', 'done', 'nothing_to_do', 'failed', 'blocked']),
  summary: z.string(),
  calls: z.array(
    z.object({
      at: z.number().int(),
      function: z.string(),
      items: z.number().int(),
      ms: z.number().int(),
      outcome: z.string(),
      detail: z.string(),
    }),
  ),
});
export type RunLog = z.infer<typeof runLogSchema>;

export const productionLineSchema = z.object({
  billItemId: z.number().int(),
  ordering: z.number().int(),
  itemcode: z.string(),
  abstract: z.string(),
  quantity: z.number().int(),
  handler: z.string(),
  runnable: z.boolean(),
  /** Seats (session) or units this line's products already cover, from the shop's records and this app's runs. */
  recorded: z.number().int(),
  lastOutcome: z.enum(['running', 'done', 'nothing_to_do', 'failed', 'blocked']).nullable(),
  /** The participants the line was bought with (session lines), to start the grid from. */
  participants: z.array(participantSchema),
});

const lineInput = z
  .object({
    billId: z.number().int().positive(),
    billItemId: z.number().int().positive(),
    /** Session lines: the participants to set up; the line's own customer data when absent. */
    participants: z.array(participantSchema).max(1000).optional(),
  })
  .strict();

export const productionCommands = {
  'production.lines': command(
    "A bill's lines that a product handler can produce, with what is already recorded",
    z.object({ billId: z.number().int().positive() }).strict(),
    z.object({ lines: z.array(productionLineSchema) }),
  ),
  'production.plan': command(
    'What running the handler of a bill line would do on Moodle, and the problems found on the site; sends no write',
    lineInput,
    planSchema,
  ),
  'production.run': command(
    'Run the handler of a bill line: plan again, send the writes in batches, record products and events through the outbox',
    lineInput,
    runResultSchema,
  ),
  'production.log': command(
    'The handler runs of a bill, each with every Moodle call and its outcome',
    z.object({ billId: z.number().int().positive() }).strict(),
    z.object({ runs: z.array(runLogSchema) }),
  ),
  'production.readParticipants': command(
    'Read learners and tutors from a spreadsheet (XLSX or CSV): name, email and role, one person per row',
    z
      .object({
        source: z.union([z.object({ file: z.string().min(1).max(4096) }).strict(), z.object({ upload: uploadIdSchema }).strict()]),
      })
      .strict(),
    z.object({
      format: z.enum(['xlsx', 'csv']),
      participants: z.array(participantSchema),
      /** Rows not read (the sheet's row numbers), and why. */
      skipped: z.array(z.object({ line: z.number().int(), reason: z.enum(['no_email', 'unknown_role', 'too_long']), text: z.string() })),
    }),
  ),
  'production.defineRole': command(
    "Tell the app a Moodle role's id (no web service lists roles); used by plans from then on",
    z
      .object({
        // Moodle's role short names are PARAM_ALPHANUMEXT.
        shortname: z
          .string()
          .trim()
          .min(1)
          .max(100)
          .regex(/^[A-Za-z0-9_-]+$/, 'A Moodle role short name has only letters, digits, _ and -'),
        id: z.number().int().positive(),
      })
      .strict(),
    // A list, not a record: a role named like an object's own machinery (__proto__) must come back as it is.
    z.object({ roles: z.array(z.object({ shortname: z.string(), id: z.number().int() })) }),
  ),
};

export const productionEvents = {
  'production.progressed': event(
    'A handler run moved on: the step it is at, and how many of its steps are done',
    z.object({
      runId: z.number().int(),
      billId: z.number().int(),
      billItemId: z.number().int(),
      step: z.string(),
      done: z.number().int(),
      total: z.number().int(),
    }),
  ),
};
