import type { BillRecord, CustomerRecord } from '../shop-api/records';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import { openDatabase, type Db } from '../db/open';
import { createMoodleClient, type MoodleClient } from '../moodle/rest-client';
import { ShopApi } from '../shop-api/shop-client';
import { SyncEngine } from '../sync/sync-engine';
import type { Participant } from '../../shared/production/participants';
import { createUser } from '../../test/sim/lib/users';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import type { ProductionDeps } from './run-production';

/**
 * A demo shop on a simulated site with a frozen clock, bills made for the handler tests inserted on the
 * server side, and an in-memory cache synced from it through the real sync engine.
 */
export const NOW = 1_796_000_000;

export interface ProductionSite {
  sim: SimulatedSite;
  db: Db;
  client: MoodleClient;
  deps: ProductionDeps;
  /** The site's frozen clock (moved on by each sync). */
  now(): number;
  /** Push the outbox, let the shop's writes settle, pull. */
  sync(): Promise<void>;
  itemId(code: string): number;
  addCustomer(fields: Partial<CustomerRecord> & { id: number }): void;
  addBill(id: number, customerid: number, lines: { code: string; quantity: number; customerdata?: string }[], status?: string): number[];
  moodleUser(fields: { firstname: string; lastname: string; email: string; username: string }): number;
  count(sql: string, ...params: (string | number)[]): number;
  close(): Promise<void>;
}

export async function productionSite(): Promise<ProductionSite> {
  const sim = await startSimulatedSite({ now: NOW, demo: { bills: 20 } });
  const db = openDatabase(':memory:');
  const client = createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} });
  const api = new ShopApi(client);
  const engine = new SyncEngine({ db, api: () => api, bus: new EventBus(), logger: silentLogger });
  let clock = NOW;
  const sync = async () => {
    const run = await engine.start('manual');
    if (run.outcome !== 'done') throw new Error(`sync: ${run.outcome} ${run.detail ?? ''}`);
    // The shop serves a change once it is five seconds old: move the clock on and pull again.
    clock += 10;
    sim.setNow(clock);
    const again = await engine.start('manual');
    if (again.outcome !== 'done') throw new Error(`sync: ${again.outcome} ${again.detail ?? ''}`);
  };
  const items = new Map((sim.demo?.catalogItems ?? []).map((item) => [item.code, item]));
  // Newer than anything pulled so far, served once the next sync moves the clock on.
  const stamp = () => clock;
  return {
    sim,
    db,
    client,
    deps: { db, moodle: client, now: () => clock },
    now: () => clock,
    sync,
    itemId: (code) => items.get(code)!.id,
    addCustomer: (fields) => insertCustomer(sim, stamp(), fields),
    addBill: (id, customerid, lines, status = 'SOLDOUT') => insertBill(sim, stamp(), id, customerid, lines, status),
    moodleUser: (fields) =>
      sim.site.transaction(() => createUser(sim.site, { auth: 'manual', confirmed: 1, mnethostid: 1, ...fields }, null)),
    count: (sql, ...params) =>
      (sim.db
        .prepare(sql)
        .pluck()
        .get(...params) as number) ?? 0,
    close: async () => {
      engine.dispose();
      db.close();
      await sim.close();
    },
  };
}

/** n learners at one company, and tutors at the training company. */
export function participants(
  learners: number,
  tutors: number,
  domain = 'acme.example',
  tutorDomain = 'savoirs-competences.example',
): Participant[] {
  const people: Participant[] = [];
  for (let i = 1; i <= learners; i += 1)
    people.push({ firstname: `Learner${i}`, lastname: `Dupont-${i}`, email: `learner${i}@${domain}`, role: 'learner' });
  for (let i = 1; i <= tutors; i += 1)
    people.push({ firstname: `Tutor${i}`, lastname: `Martin`, email: `tutor${i}@${tutorDomain}`, role: 'tutor' });
  return people;
}

export function insertCustomer(sim: SimulatedSite, stamp: number, fields: Partial<CustomerRecord> & { id: number }): void {
  sim.shop.insert('customers', {
    shopid: 1,
    firstname: 'Claire',
    lastname: 'Fontaine',
    email: `customer${fields.id}@acme.example`,
    address: '',
    zip: '',
    city: 'Lyon',
    country: 'FR',
    organisation: 'ACME',
    hasaccount: 0,
    invoiceinfo: '',
    timecreated: stamp,
    version: 1,
    timemodified: stamp,
    ...fields,
  });
}

/** A bill of the demo catalog's items, untaxed for simplicity, paid in full unless its status says otherwise. */
export function insertBill(
  sim: SimulatedSite,
  stamp: number,
  id: number,
  customerid: number,
  lines: { code: string; quantity: number; customerdata?: string }[],
  status = 'SOLDOUT',
): number[] {
  const catalog = new Map((sim.demo?.catalogItems ?? []).map((item) => [item.code, item]));
  const items: BillRecord['items'] = lines.map((line, index) => {
    const item = catalog.get(line.code);
    if (!item) throw new Error(`no demo item ${line.code}`);
    const unitcents = item.prices[0]!.unitcents;
    return {
      id: id * 10 + index,
      ordering: index + 1,
      type: 'BILLING',
      itemcode: item.code,
      catalogitemid: item.id,
      abstract: item.name,
      description: '',
      delay: 0,
      unitcents,
      quantity: line.quantity,
      totalcents: unitcents * line.quantity,
      taxcode: item.taxcode,
      taxratio: 0,
      taxcents: 0,
      bundleid: 0,
      customerdata: line.customerdata ?? '',
      productiondata: '',
    };
  });
  const untaxed = items.reduce((sum, line) => sum + line.totalcents, 0);
  const paid = status === 'SOLDOUT' || status === 'COMPLETE';
  sim.shop.insert('bills', {
    id,
    shopid: 1,
    idnumber: '',
    ordering: id,
    customerid,
    userid: 0,
    title: `Bill ${id}`,
    worktype: 'PROD',
    status,
    remotestatus: '',
    emissiondate: stamp,
    lastactiondate: stamp,
    assignedto: 0,
    timetodo: 0,
    currency: 'EUR',
    untaxedcents: untaxed,
    taxcents: 0,
    amountcents: untaxed,
    discountcents: 0,
    untaxeddiscountcents: 0,
    discounttaxcents: 0,
    shippingcents: 0,
    paymentfeecents: 0,
    paidcents: paid ? untaxed : 0,
    paymode: 'transfer',
    transactionid: `TX${id}`,
    onlinetransactionid: '',
    ignoretax: 1,
    productionfeedback: '',
    invoiceinfo: '',
    test: 0,
    partnerid: 0,
    partnertag: '',
    version: 1,
    timemodified: stamp,
    items,
    payments: paid ? [{ id, amountcents: untaxed, paymode: 'transfer', paidon: stamp, reference: `VIR-${id}`, timecreated: stamp }] : [],
    history: [],
    creditnotes: [],
    creditlines: [],
  } as BillRecord);
  return items.map((line) => line.id);
}
