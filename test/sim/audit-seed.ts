import { enrolInstances, enrolUser } from './lib/enrol';
import { addGroupMember, createGroup } from './lib/groups';
import { createUser } from './lib/users';
import type { MoodleSite } from './site';

/**
 * The simulated site's Moodle made to match its shop, then broken on purpose: what the audit of sales must find.
 *
 * The demo data makes products, never enrolments. `enrolAsSold` enrols every person the shop's own tables say
 * owns a course today (a current product of an enrolling handler, or a paid line never produced), with the
 * product's role and dates, in the session's group: an audit of that site finds nothing.
 * `seedAuditDiscrepancies` then breaks one sale of each kind and says which. This is the simulator's reading of
 * the shop's tables, written apart from the app's audit (main/audit/), so each checks the other.
 */

export type SeededKind = 'not_enrolled' | 'ended_early' | 'suspended' | 'wrong_role' | 'not_in_group' | 'no_account' | 'without_sale';

export interface Sale {
  /** The product (0 for a paid line never produced). */
  productId: number;
  billId: number;
  billItemId: number;
  courseId: number;
  userId: number;
  email: string;
  roleId: number;
  timestart: number;
  timeend: number;
  /** The group the person belongs in: its id once made. */
  groupId: number;
}

const PAID = "('SOLDOUT', 'COMPLETE')";

function params(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split('&')) {
    const at = pair.indexOf('=');
    // As the shop reads them: split on & and =, nothing decoded.
    if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

function courseOf(site: MoodleSite, p: Record<string, string>): number {
  const query = p['courseid']
    ? site.db.prepare('SELECT id FROM mdl_course WHERE id = ?').pluck().get(Number(p['courseid']))
    : p['courseidnumber']
      ? site.db.prepare('SELECT id FROM mdl_course WHERE idnumber = ?').pluck().get(p['courseidnumber'])
      : p['coursename']
        ? site.db.prepare('SELECT id FROM mdl_course WHERE shortname = ?').pluck().get(p['coursename'])
        : undefined;
  return (query as number | undefined) ?? 0;
}

function roleId(site: MoodleSite, name: string): number {
  if (/^\d+$/.test(name)) return Number(name);
  return (site.db.prepare('SELECT id FROM mdl_role WHERE shortname = ?').pluck().get(name) as number | undefined) ?? 0;
}

/** The accounts by lower-cased email (the oldest wins), read once: a lookup per sale would scan the table each time. */
function accountsByEmail(site: MoodleSite): Map<string, number> {
  const rows = site.db.prepare('SELECT id, lower(email) AS email FROM mdl_user WHERE deleted = 0 ORDER BY id DESC').all() as {
    id: number;
    email: string;
  }[];
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** The account with this email (whatever the case), made when there is none. */
function accountFor(site: MoodleSite, accounts: Map<string, number>, email: string, firstname: string, lastname: string): number {
  const found = accounts.get(email.toLowerCase());
  if (found) return found;
  const username = email.toLowerCase().replace(/[^a-z0-9@._-]/g, '');
  const id = createUser(
    site,
    { username, firstname: firstname || 'Learner', lastname: lastname || 'Shop', email, confirmed: 1, mnethostid: 1, auth: 'manual' },
    null,
  );
  accounts.set(email.toLowerCase(), id);
  return id;
}

function groupFor(site: MoodleSite, courseId: number, wanted: { name: string; idnumber: string }): number {
  const found = (
    wanted.idnumber
      ? site.db.prepare('SELECT id FROM mdl_groups WHERE courseid = ? AND idnumber = ?').pluck().get(courseId, wanted.idnumber)
      : site.db.prepare('SELECT id FROM mdl_groups WHERE courseid = ? AND name = ?').pluck().get(courseId, wanted.name)
  ) as number | undefined;
  if (found) return found;
  return createGroup(site, {
    courseid: courseId,
    name: wanted.name,
    idnumber: wanted.idnumber,
    description: '',
    descriptionformat: 1,
    visibility: 0,
    participation: true,
  });
}

interface Row {
  id: number;
  billid: number;
  billitemid: number;
  startdate: number;
  enddate: number;
  productiondata: string;
  extradata: string;
  handlerparams: string;
  enablehandler: string;
  email: string;
  firstname: string;
  lastname: string;
  organisation: string;
  hasaccount: number;
  customerdata: string;
}

interface Sold {
  sale: Omit<Sale, 'userId' | 'groupId'>;
  person: { userId: number; email: string; firstname: string; lastname: string };
  group: { name: string; idnumber: string } | null;
}

function soldTo(site: MoodleSite, now: number): Sold[] {
  const sold: Sold[] = [];
  const products = site.db
    .prepare(
      `SELECT p.id, bi.billid, bi.id AS billitemid, p.startdate, p.enddate, p.productiondata, p.extradata, ci.handlerparams, ci.enablehandler,
              c.email, c.firstname, c.lastname, c.organisation, c.hasaccount, bi.customerdata
       FROM mdl_local_shop_product p JOIN mdl_local_shop_billitem bi ON bi.id = p.initialbillitemid
       JOIN mdl_local_shop_catalogitem ci ON ci.id = p.catalogitemid JOIN mdl_local_shop_customer c ON c.id = p.customerid
       WHERE p.deleted = 0 AND p.contexttype = 'userenrol' AND (p.enddate = 0 OR p.enddate > ?) ORDER BY p.id`,
    )
    .all(now) as Row[];
  for (const row of products) {
    const p = { ...params(row.handlerparams), ...params(row.productiondata) };
    const handler = p['handler'] || row.enablehandler;
    if (handler !== 'std_enrolonecourse' && handler !== 'std_setuponecoursesession') continue;
    const courseId = courseOf(site, p);
    if (!courseId) continue;
    const seat = row.extradata
      ? (JSON.parse(row.extradata) as { email?: string; firstname?: string; lastname?: string; role?: string })
      : null;
    const session = handler === 'std_setuponecoursesession';
    if (session && !seat?.email) continue;
    const role = session
      ? seat?.role === 'tutor'
        ? p['tutorrole'] || 'teacher'
        : p['learnerrole'] || p['role'] || 'student'
      : p['role'] || 'student';
    const email = seat?.email || row.email;
    sold.push({
      sale: {
        productId: row.id,
        billId: row.billid,
        billItemId: row.billitemid,
        courseId,
        email,
        roleId: roleId(site, role),
        timestart: row.startdate,
        timeend: row.enddate,
      },
      person: {
        userId: seat?.email ? 0 : row.hasaccount,
        email,
        firstname: seat?.firstname ?? row.firstname,
        lastname: seat?.lastname ?? row.lastname,
      },
      group: session
        ? { name: `${row.organisation || `${row.firstname} ${row.lastname}`.trim()} #${row.billid}`, idnumber: `shop-bill-${row.billid}` }
        : p['groupname']
          ? { name: p['groupname'], idnumber: '' }
          : null,
    });
  }
  const lines = site.db
    .prepare(
      `SELECT 0 AS id, b.id AS billid, bi.id AS billitemid, 0 AS startdate, 0 AS enddate, '' AS productiondata, '' AS extradata, ci.handlerparams,
              ci.enablehandler, c.email, c.firstname, c.lastname, c.organisation, c.hasaccount, bi.customerdata
       FROM mdl_local_shop_bill b JOIN mdl_local_shop_billitem bi ON bi.billid = b.id AND bi.type = 'BILLING'
       JOIN mdl_local_shop_catalogitem ci ON ci.id = bi.catalogitemid JOIN mdl_local_shop_customer c ON c.id = b.customerid
       WHERE b.status IN ${PAID} AND ci.enablehandler IN ('std_enrolonecourse', 'std_setuponecoursesession') ORDER BY bi.id`,
    )
    .all() as Row[];
  // Read once: the shop's product table has no index on the line, and a lookup per line would scan it each time.
  const produced = new Set(site.db.prepare('SELECT initialbillitemid FROM mdl_local_shop_product').pluck().all() as number[]);
  for (const row of lines) {
    if (produced.has(row.billitemid)) continue;
    const p = params(row.handlerparams);
    const courseId = courseOf(site, p);
    if (!courseId) continue;
    if (row.enablehandler === 'std_setuponecoursesession') {
      const people = JSON.parse(row.customerdata || '{}') as Record<
        'learners' | 'tutors',
        { firstname: string; lastname: string; email: string }[] | undefined
      >;
      for (const [role, list] of [
        ['learner', people.learners],
        ['tutor', people.tutors],
      ] as const)
        for (const person of list ?? [])
          sold.push({
            sale: {
              productId: 0,
              billId: row.billid,
              billItemId: row.billitemid,
              courseId,
              email: person.email,
              roleId: roleId(site, role === 'tutor' ? p['tutorrole'] || 'teacher' : p['learnerrole'] || p['role'] || 'student'),
              timestart: 0,
              timeend: 0,
            },
            person: { userId: 0, email: person.email, firstname: person.firstname, lastname: person.lastname },
            group: null,
          });
      continue;
    }
    sold.push({
      sale: {
        productId: 0,
        billId: row.billid,
        billItemId: row.billitemid,
        courseId,
        email: row.email,
        roleId: roleId(site, p['role'] || 'student'),
        timestart: 0,
        timeend: 0,
      },
      person: { userId: row.hasaccount, email: row.email, firstname: row.firstname, lastname: row.lastname },
      group: null,
    });
  }
  return sold;
}

function manual(site: MoodleSite, courseId: number) {
  return enrolInstances(site, courseId, true).find((instance) => instance.enrol === 'manual')!;
}

/**
 * Enrols every sale as the handlers would have; returns them with their accounts and groups. A person who bought
 * the same course twice has one enrolment, from the earlier start to the later end (no end wins), as the second
 * purchase's handler leaves it.
 */
export function enrolAsSold(site: MoodleSite, now: number): Sale[] {
  return site.transaction(() => {
    const accounts = accountsByEmail(site);
    const sales = soldTo(site, now).map(({ sale, person, group }) => {
      const userId = person.userId > 0 ? person.userId : accountFor(site, accounts, person.email, person.firstname, person.lastname);
      return { sale: { ...sale, userId, groupId: 0 }, group };
    });
    const spans = new Map<string, { start: number; end: number }>();
    for (const { sale } of sales) {
      const key = `${sale.userId}/${sale.courseId}`;
      const span = spans.get(key);
      spans.set(key, {
        start: span ? Math.min(span.start, sale.timestart) : sale.timestart,
        end: span ? (span.end === 0 || sale.timeend === 0 ? 0 : Math.max(span.end, sale.timeend)) : sale.timeend,
      });
    }
    return sales.map(({ sale, group }) => {
      const span = spans.get(`${sale.userId}/${sale.courseId}`)!;
      enrolUser(site, manual(site, sale.courseId), sale.userId, sale.roleId, span.start, span.end, 0, 2);
      const groupId = group ? groupFor(site, sale.courseId, group) : 0;
      if (groupId) addGroupMember(site, groupId, sale.userId);
      return { ...sale, groupId };
    });
  });
}

export interface Seeded {
  /** The sale broken for each kind (for `without_sale`: the enrolment added, as a sale with no product). */
  broken: Record<SeededKind, Sale>;
  sales: Sale[];
}

/**
 * A site that matches its shop but for one sale of each kind: its enrolment deleted (not_enrolled), ended a
 * day before the product (ended_early), suspended, its role removed (wrong_role), out of its group
 * (not_in_group), its account deleted (no_account), and one enrolment added that no sale explains.
 */
export function seedAuditDiscrepancies(site: MoodleSite, now: number): Seeded {
  const sales = enrolAsSold(site, now);
  const used = new Set<number>();
  const pick = (test: (sale: Sale) => boolean): Sale => {
    // Distinct people, each with this one sale in the course, so that a break is one finding and hides no other.
    const alone = (s: Sale) => sales.filter((o) => o.userId === s.userId && o.courseId === s.courseId).length === 1;
    const sale = sales.find((s) => s.productId > 0 && !used.has(s.userId) && alone(s) && test(s));
    if (!sale) throw new Error('audit seed: the demo data has no sale to break for this kind; use more bills');
    used.add(sale.userId);
    return sale;
  };
  const onlySale = (s: Sale) => sales.filter((o) => o.userId === s.userId).length === 1;
  const broken = {} as Record<SeededKind, Sale>;
  site.transaction(() => {
    const db = site.db;
    const enrolmentOf = (s: Sale) =>
      db
        .prepare('SELECT ue.id FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE e.courseid = ? AND ue.userid = ?')
        .pluck()
        .get(s.courseId, s.userId) as number;
    const contextOf = (s: Sale) =>
      db.prepare('SELECT id FROM mdl_context WHERE contextlevel = 50 AND instanceid = ?').pluck().get(s.courseId) as number;

    broken.not_enrolled = pick((s) => s.groupId === 0 && onlySale(s));
    db.prepare('DELETE FROM mdl_user_enrolments WHERE id = ?').run(enrolmentOf(broken.not_enrolled));
    db.prepare('DELETE FROM mdl_role_assignments WHERE userid = ? AND contextid = ?').run(
      broken.not_enrolled.userId,
      contextOf(broken.not_enrolled),
    );

    broken.ended_early = pick((s) => s.timeend > now + 2 * 86_400 && s.groupId === 0);
    db.prepare('UPDATE mdl_user_enrolments SET timeend = ? WHERE id = ?').run(
      broken.ended_early.timeend - 86_400,
      enrolmentOf(broken.ended_early),
    );

    broken.suspended = pick((s) => s.groupId === 0);
    db.prepare('UPDATE mdl_user_enrolments SET status = 1 WHERE id = ?').run(enrolmentOf(broken.suspended));

    broken.wrong_role = pick((s) => s.groupId === 0);
    db.prepare('DELETE FROM mdl_role_assignments WHERE userid = ? AND contextid = ? AND roleid = ?').run(
      broken.wrong_role.userId,
      contextOf(broken.wrong_role),
      broken.wrong_role.roleId,
    );

    broken.not_in_group = pick((s) => s.groupId > 0);
    db.prepare('DELETE FROM mdl_groups_members WHERE groupid = ? AND userid = ?').run(
      broken.not_in_group.groupId,
      broken.not_in_group.userId,
    );

    // A seat's own account (not a customer's, which other sales may share), enrolled nowhere else.
    broken.no_account = pick((s) => s.groupId > 0 && onlySale(s));
    db.prepare('DELETE FROM mdl_user_enrolments WHERE userid = ?').run(broken.no_account.userId);
    db.prepare('DELETE FROM mdl_groups_members WHERE userid = ?').run(broken.no_account.userId);
    db.prepare('DELETE FROM mdl_role_assignments WHERE userid = ?').run(broken.no_account.userId);
    db.prepare("UPDATE mdl_user SET deleted = 1, email = '', username = ? WHERE id = ?").run(
      `deleted.${broken.no_account.userId}`,
      broken.no_account.userId,
    );

    // Access without a sale: a new account enrolled as a student in a course the shop sells.
    const course = broken.not_enrolled.courseId;
    const userId = createUser(
      site,
      {
        username: 'freeloader',
        firstname: 'Free',
        lastname: 'Loader',
        email: 'free.loader@example.org',
        confirmed: 1,
        mnethostid: 1,
        auth: 'manual',
      },
      null,
    );
    enrolUser(site, manual(site, course), userId, 5, now - 86_400, 0, 0, 2);
    broken.without_sale = {
      productId: 0,
      billId: 0,
      billItemId: 0,
      courseId: course,
      userId,
      email: 'free.loader@example.org',
      roleId: 5,
      timestart: now - 86_400,
      timeend: 0,
      groupId: 0,
    };
  });
  return { broken, sales };
}
