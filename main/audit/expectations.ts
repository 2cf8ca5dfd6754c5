import { parseHandlerParams } from '../../shared/handler-params';
import { emailKey, participantsFromCustomerData } from '../../shared/production/participants';
import type { Db } from '../db/open';
import type {
  BillItemTableRow,
  BillTableRow,
  CatalogItemTableRow,
  CustomerTableRow,
  ProductionRecordTableRow,
  ProductTableRow,
} from '../db/tables';
import { personOf } from '../production/line-input';
import { groupNameOf, sessionGroupIdnumber } from '../production/plan-session';
import { targetCourseKey } from '../production/site-facts';
import type { CourseKey } from '../production/site-reads';

/**
 * What the shop says a customer owns in Moodle, read from the cache: one expectation per current product made
 * by an enrolling handler (a seat of a session, an enrolment in one course), and one per person of a paid line
 * whose handler made no product yet. The audit compares each with the course's enrolments on the site.
 */
export interface Expectation {
  /** The sale and the person: `p<product id>`, or `l<bill line id>:<email>` for a paid line with no product. */
  key: string;
  billId: number;
  billItemId: number;
  productId: number;
  reference: string;
  customerId: number;
  customer: string;
  paidAt: number;
  course: CourseKey;
  /** The Moodle account the shop knows (the customer's), 0 when only the email names the person. */
  userId: number;
  /** Lower-cased, as accounts are compared. */
  email: string;
  /** As the shop wrote it: the account a handler made has it so. */
  typedEmail: string;
  who: string;
  /** The person's names, for an account to make when they have none. */
  firstname: string;
  lastname: string;
  /** The role's shortname, or its id as digits, as the handler parameters give it. */
  role: string;
  timestart: number;
  /** 0: no end. */
  timeend: number;
  /** The group the person is put in by the handler: by idnumber (sessions) or by name (`groupname`). */
  group: { name: string; idnumber: string } | null;
  /** A paid line the handler has not produced yet: its fix runs the handler, which records the product. */
  fromLine: boolean;
}

/** Handlers that enrol people in a course, whose products the audit can check against enrolments. */
const ENROLLING = new Set(['std_enrolonecourse', 'std_setuponecoursesession']);
/** Bills whose lines must have been produced: paid. */
const PAID = "('SOLDOUT', 'COMPLETE')";

/** The columns CUSTOMER_COLUMNS reads. */
type CustomerColumns = Pick<CustomerTableRow, 'firstname' | 'lastname' | 'organisation' | 'email' | 'hasaccount'> & {
  customerid: CustomerTableRow['id'];
};

/** The sale a row is about, and when it was paid (PAID_AT). */
type SaleColumns = { billid: BillTableRow['id']; billitemid: BillItemTableRow['id']; paidat: number };

/** A current product, its sale and customer, and its catalog item's handler (NULL when the item is gone). */
type ProductRow = Pick<ProductTableRow, 'id' | 'reference' | 'startdate' | 'enddate' | 'productiondata' | 'extradata'> &
  CustomerColumns &
  SaleColumns & {
    enablehandler: CatalogItemTableRow['enablehandler'] | null;
    handlerparams: CatalogItemTableRow['handlerparams'] | null;
  };

const CUSTOMER_COLUMNS = 'c.id AS customerid, c.firstname, c.lastname, c.organisation, c.email, c.hasaccount';
/** When the bill became paid: its last move to a paid state, else its last action. */
const PAID_AT = `COALESCE((SELECT MAX(h.timecreated) FROM bill_history h WHERE h.billid = b.id AND h.tostatus IN ${PAID}), b.lastactiondate)`;

/**
 * Every expectation of the cache: products still current at `now`, paid lines not produced, and lines this app
 * produced whose products the shop has not sent back yet.
 */
export function readExpectations(db: Db, now: number): Expectation[] {
  const expectations: Expectation[] = [];
  const products = db
    .prepare<[number], ProductRow>(
      `SELECT p.id, p.reference, p.startdate, p.enddate, p.productiondata, p.extradata, b.id AS billid, bi.id AS billitemid,
              ${CUSTOMER_COLUMNS}, ci.enablehandler, ci.handlerparams, ${PAID_AT} AS paidat
       FROM product p
       JOIN bill_item bi ON bi.id = p.initialbillitemid
       JOIN bill b ON b.id = bi.billid
       JOIN customer c ON c.id = p.customerid
       LEFT JOIN catalog_item ci ON ci.id = p.catalogitemid
       WHERE p.deleted = 0 AND p.contexttype = 'userenrol' AND (p.enddate = 0 OR p.enddate > ?)
       ORDER BY p.id`,
    )
    .all(now);
  for (const row of products) {
    const expectation = productExpectation(row);
    if (expectation) expectations.push(expectation);
  }
  expectations.push(...unproducedLines(db), ...producedHere(db));
  return expectations;
}

function customerName(row: { firstname: string; lastname: string; organisation: string }): string {
  const person = `${row.firstname} ${row.lastname}`.trim();
  return row.organisation ? `${row.organisation}${person ? ` (${person})` : ''}` : person;
}

/** The handler and its parameters as the product recorded them, the catalog item's filling what it lacks. */
function productParams(row: Pick<ProductRow, 'productiondata' | 'handlerparams' | 'enablehandler'>): Record<string, string> {
  const item = parseHandlerParams(row.handlerparams ?? '');
  const own = parseHandlerParams(row.productiondata);
  const params = { ...item, ...own };
  if (!params['handler']) params['handler'] = row.enablehandler ?? '';
  return params;
}

function productExpectation(row: ProductRow): Expectation | null {
  const params = productParams(row);
  const handler = params['handler'] ?? '';
  if (!ENROLLING.has(handler)) return null;
  const course = targetCourseKey(params);
  if (!course) return null;
  const seat = seatOf(row.extradata);
  const base = {
    key: `p${row.id}`,
    billId: row.billid,
    billItemId: row.billitemid,
    productId: row.id,
    reference: row.reference,
    customerId: row.customerid,
    customer: customerName(row),
    paidAt: row.paidat,
    course,
    timestart: row.startdate,
    timeend: row.enddate,
    fromLine: false,
  };
  if (handler === 'std_setuponecoursesession') {
    if (!seat) return null;
    return {
      ...base,
      userId: 0,
      email: seat.email,
      typedEmail: seat.typed,
      who: seat.name || seat.email,
      firstname: seat.firstname,
      lastname: seat.lastname,
      role: seat.role === 'tutor' ? params['tutorrole'] || 'teacher' : params['learnerrole'] || params['role'] || 'student',
      group: { name: groupNameOf(row, row.billid), idnumber: sessionGroupIdnumber(row.billid) },
    };
  }
  // An enrolment is the buyer's, unless the product names another person.
  const email = seat?.email || emailKey(row.email);
  return {
    ...base,
    userId: seat ? 0 : row.hasaccount,
    email,
    typedEmail: seat?.typed || row.email.trim(),
    who: seat?.name || `${row.firstname} ${row.lastname}`.trim() || email,
    firstname: seat ? seat.firstname : row.firstname,
    lastname: seat ? seat.lastname : row.lastname,
    role: params['role'] || 'student',
    group: params['groupname'] ? { name: params['groupname'], idnumber: '' } : null,
  };
}

/** The person a seat product was made for (its extradata), or null for a buyer's product. */
function seatOf(
  extradata: string,
): { email: string; typed: string; name: string; firstname: string; lastname: string; role: string } | null {
  const email = personOf(extradata);
  if (!email) return null;
  const data = JSON.parse(extradata) as { email?: unknown; firstname?: unknown; lastname?: unknown; role?: unknown };
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const firstname = text(data.firstname);
  const lastname = text(data.lastname);
  return { email, typed: text(data.email), name: `${firstname} ${lastname}`.trim(), firstname, lastname, role: text(data.role) };
}

/** A paid line of an enrolling handler, its sale and customer. */
type LineRow = Pick<BillItemTableRow, 'customerdata'> &
  Pick<CatalogItemTableRow, 'enablehandler' | 'handlerparams'> &
  Pick<BillTableRow, 'transactionid'> &
  CustomerColumns &
  SaleColumns;

/**
 * Paid lines of an enrolling handler with no product, neither from the shop nor recorded by this app's own
 * runs (those wait in the outbox): the customer paid and the handler never ran, or failed.
 */
function unproducedLines(db: Db): Expectation[] {
  const rows = db
    .prepare<[], LineRow>(
      `SELECT b.id AS billid, bi.id AS billitemid, bi.customerdata, ${CUSTOMER_COLUMNS}, ci.enablehandler, ci.handlerparams,
              ${PAID_AT} AS paidat, b.transactionid
       FROM bill b
       JOIN bill_item bi ON bi.billid = b.id AND bi.type = 'BILLING'
       JOIN catalog_item ci ON ci.id = bi.catalogitemid
       JOIN customer c ON c.id = b.customerid
       WHERE b.status IN ${PAID} AND ci.enablehandler IN ('std_enrolonecourse', 'std_setuponecoursesession')
         AND NOT EXISTS (SELECT 1 FROM product p WHERE p.initialbillitemid = bi.id)
         AND NOT EXISTS (SELECT 1 FROM production_record r WHERE r.bill_item_id = bi.id)
       ORDER BY bi.id`,
    )
    .all();
  const expectations: Expectation[] = [];
  for (const row of rows) {
    const params = parseHandlerParams(row.handlerparams);
    const course = targetCourseKey(params);
    if (!course) continue;
    const base = {
      billId: row.billid,
      billItemId: row.billitemid,
      productId: 0,
      reference: '',
      customerId: row.customerid,
      customer: customerName(row),
      paidAt: row.paidat,
      course,
      timestart: 0,
      timeend: 0,
      group: null,
      fromLine: true,
    };
    if (row.enablehandler === 'std_setuponecoursesession') {
      for (const person of participantsFromCustomerData(row.customerdata)) {
        // An address Moodle would refuse still names the person: an account with it is theirs (the fix skips making one).
        const email = emailKey(person.email);
        if (!email) continue;
        expectations.push({
          ...base,
          key: `l${row.billitemid}:${email}`,
          userId: 0,
          email,
          typedEmail: person.email.trim(),
          who: `${person.firstname} ${person.lastname}`.trim() || email,
          firstname: person.firstname,
          lastname: person.lastname,
          role: person.role === 'tutor' ? params['tutorrole'] || 'teacher' : params['learnerrole'] || params['role'] || 'student',
        });
      }
    } else {
      const email = emailKey(row.email);
      expectations.push({
        ...base,
        key: `l${row.billitemid}:${email}`,
        userId: row.hasaccount,
        email,
        typedEmail: row.email.trim(),
        who: `${row.firstname} ${row.lastname}`.trim() || email,
        firstname: row.firstname,
        lastname: row.lastname,
        role: params['role'] || 'student',
      });
    }
  }
  return expectations;
}

/**
 * The courses of what changed since the marks: products (also those deleted or moved since) and the paid lines
 * of bills changed. An audit after a sync reads only these courses' enrolments.
 */
export function changedCourses(db: Db, since: { bill: number; product: number }): CourseKey[] {
  const rows = db
    .prepare<
      { bill: number; product: number },
      Pick<ProductTableRow, 'productiondata'> & {
        enablehandler: CatalogItemTableRow['enablehandler'] | null;
        handlerparams: CatalogItemTableRow['handlerparams'] | null;
      }
    >(
      `SELECT p.productiondata, ci.enablehandler, ci.handlerparams FROM product p LEFT JOIN catalog_item ci ON ci.id = p.catalogitemid
       WHERE p.timemodified > @product
       UNION ALL
       SELECT '' AS productiondata, ci.enablehandler, ci.handlerparams
       FROM bill b JOIN bill_item bi ON bi.billid = b.id JOIN catalog_item ci ON ci.id = bi.catalogitemid
       WHERE b.timemodified > @bill AND ci.enablehandler IN ('std_enrolonecourse', 'std_setuponecoursesession')`,
    )
    .all(since);
  const keys = new Map<string, CourseKey>();
  for (const row of rows) {
    const key = targetCourseKey(productParams(row));
    if (key) keys.set(`${key.field}=${key.value}`, key);
  }
  return [...keys.values()];
}

/** The courses the catalogs sell through an enrolling handler: where access without a sale is looked for. */
export function soldCourseKeys(db: Db): CourseKey[] {
  const rows = db
    .prepare<[], string>(
      `SELECT handlerparams FROM catalog_item WHERE enablehandler IN ('std_enrolonecourse', 'std_setuponecoursesession')`,
    )
    .pluck()
    .all();
  return rows.map((text) => targetCourseKey(parseHandlerParams(text))).filter((key): key is CourseKey => key !== null);
}

/**
 * Lines this app's handler runs produced, whose products wait in the outbox or for the next pull: the people
 * they enrolled have access a sale explains. Their dates and roles are checked once the products come back.
 */
function producedHere(db: Db): Expectation[] {
  const rows = db
    .prepare<[], Omit<LineRow, 'customerdata' | 'transactionid'> & Pick<ProductionRecordTableRow, 'person' | 'userid'>>(
      `SELECT DISTINCT r.person, r.userid, b.id AS billid, bi.id AS billitemid, ${CUSTOMER_COLUMNS}, ci.enablehandler, ci.handlerparams,
              ${PAID_AT} AS paidat
       FROM production_record r
       JOIN bill_item bi ON bi.id = r.bill_item_id
       JOIN bill b ON b.id = bi.billid
       JOIN catalog_item ci ON ci.id = bi.catalogitemid
       JOIN customer c ON c.id = b.customerid
       WHERE r.eventtype = 'created' AND ci.enablehandler IN ('std_enrolonecourse', 'std_setuponecoursesession')
         AND NOT EXISTS (SELECT 1 FROM product p WHERE p.initialbillitemid = bi.id)
       ORDER BY bi.id`,
    )
    .all();
  const expectations: Expectation[] = [];
  for (const row of rows) {
    const params = parseHandlerParams(row.handlerparams);
    const course = targetCourseKey(params);
    if (!course || (row.userid === 0 && !row.person)) continue;
    expectations.push({
      key: `l${row.billitemid}:${row.person || `u${row.userid}`}`,
      billId: row.billid,
      billItemId: row.billitemid,
      productId: 0,
      reference: '',
      customerId: row.customerid,
      customer: customerName(row),
      paidAt: row.paidat,
      course,
      userId: row.userid,
      email: row.person,
      typedEmail: row.person,
      who: row.person || `${row.firstname} ${row.lastname}`.trim(),
      firstname: '',
      lastname: '',
      // A session's seat does not say whether it was a learner's or a tutor's: the role is checked on the product.
      role: row.enablehandler === 'std_enrolonecourse' ? params['role'] || 'student' : '',
      timestart: 0,
      timeend: 0,
      group: null,
      fromLine: true,
    });
  }
  return expectations;
}
