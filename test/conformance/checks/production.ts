import type { BillRecord } from '../../../main/shop-api/records';
import { expectEqual, expectThat, fail, type Check } from '../check';
import { expectRefusal, MISSING_RECORD, NEVER_AN_ID } from '../moodle-errors';
import type { SiteUnderTest } from '../site-under-test';
import { expectBillsUntouched } from './bill-probe';

/**
 * local_shopbackoffice_record_production (docs/shop-api.md): the back-office ran a handler and records what it
 * made: products created or extended, their events, a line of feedback, in one write. The products it makes
 * stay on the site (the API deletes none); their productiondata names the run that made them.
 */
const DAY = 86_400;
const REFERENCE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

const productLine = (bill: BillRecord) => bill.items.find((item) => item.type === 'BILLING' && item.catalogitemid > 0);

function product(bill: BillRecord, catalogitemid: number, runId: string, overrides: { id?: number; enddate?: number } = {}) {
  const start = bill.emissiondate;
  return {
    id: 0,
    catalogitemid,
    customerid: bill.customerid,
    contexttype: 'user_enrolment',
    instanceid: 0,
    startdate: start,
    enddate: start + 90 * DAY,
    reference: '',
    productiondata: `conformance=${runId}`,
    extradata: '',
    ...overrides,
  };
}

function rawProduction(site: SiteUnderTest, billid: number, billitemid: number, products: Record<string, string | number>[]) {
  return site.raw('local_shopbackoffice_record_production', {
    clientmutationid: site.mutationId(),
    billid,
    billitemid,
    products,
    events: [{ productindex: 0, eventtype: 'created', eventdata: '{}' }],
    feedback: 'conformance: refused',
  });
}

export const productionChecks: Check[] = [
  {
    name: 'record_production: products and events are created, then extended, the feedback appended, once per mutation id',
    async run({ site, fixtures }) {
      const bill = await fixtures.takeBill('in SOLDOUT with a catalog line', (b) => b.status === 'SOLDOUT' && productLine(b) !== undefined);
      const line = productLine(bill);
      if (!line) fail(`bill ${bill.id} has no catalog line`);
      const made = product(bill, line.catalogitemid, site.runId);
      const input = {
        billid: bill.id,
        billitemid: line.id,
        products: [made],
        events: [{ productindex: 0, eventtype: 'created', eventdata: '{}' }],
        feedback: `conformance ${site.runId}: produced`,
      };
      const id = site.mutationId();
      const created = await site.api.recordProduction(id, input);
      expectEqual(
        'recording a production: status, replayed, products, events, bill version',
        [created.status, created.replayed, created.productids.length, created.eventids.length, created.bill.version],
        ['applied', 0, 1, 1, bill.version + 1],
      );
      expectThat(
        created.bill.productionfeedback.endsWith(input.feedback),
        `productionfeedback should end with ${input.feedback}, got ${created.bill.productionfeedback}`,
      );
      expectEqual('the same production sent again', await site.api.recordProduction(id, input), { ...created, replayed: 1 });

      const productid = created.productids[0] as number;
      const enddate = made.enddate + 90 * DAY;
      const extended = await site.api.recordProduction(site.mutationId(), {
        ...input,
        products: [{ ...made, id: productid, enddate }],
        events: [{ productindex: 0, eventtype: 'extended', eventdata: JSON.stringify({ from: made.enddate, to: enddate }) }],
        feedback: `conformance ${site.runId}: extended`,
      });
      expectEqual('extending the product: status, product ids', [extended.status, extended.productids], ['applied', [productid]]);

      return async () => {
        const served = await fixtures.settled('products', productid);
        if (!served) fail(`sync_products does not send product ${productid}`);
        expectEqual(
          `product ${productid} as served`,
          {
            catalogitemid: served.catalogitemid,
            customerid: served.customerid,
            initialbillitemid: served.initialbillitemid,
            enddate: served.enddate,
            productiondata: served.productiondata,
          },
          {
            catalogitemid: line.catalogitemid,
            customerid: bill.customerid,
            initialbillitemid: line.id,
            enddate,
            productiondata: made.productiondata,
          },
        );
        expectThat(REFERENCE.test(served.reference), `the reference the site made should be WWWW-XXXX-YYYY-ZZCC, got ${served.reference}`);
        const mine = (await fixtures.changesSinceSnapshot('products')).rows.filter((p) => p.productiondata === made.productiondata);
        expectEqual(
          'products made by this production, sent twice then extended',
          mine.map((p) => p.id),
          [productid],
        );
        const events = (await fixtures.changesSinceSnapshot('productevents')).rows.filter((e) => e.productid === productid);
        expectEqual(
          `events of product ${productid}`,
          events.map((e) => [e.id, e.eventtype, e.billitemid, e.timemodified === e.datecreated]),
          [
            [created.eventids[0], 'created', line.id, true],
            [extended.eventids[0], 'extended', line.id, true],
          ],
        );
        const after = await fixtures.settled('bills', bill.id);
        expectEqual(`bill ${bill.id} served after its production`, after, extended.bill);
      };
    },
  },
  {
    name: 'record_production: a line of another bill is itemnotinbill, and writes nothing',
    async run({ site, fixtures }) {
      const bill = await fixtures.takeBill('in SOLDOUT with a catalog line', (b) => b.status === 'SOLDOUT' && productLine(b) !== undefined);
      const other = await fixtures.takeBill(
        'in SOLDOUT with a catalog line',
        (b) => b.status === 'SOLDOUT' && productLine(b) !== undefined,
      );
      const line = productLine(other) as NonNullable<ReturnType<typeof productLine>>;
      const answer = await rawProduction(site, bill.id, line.id, [product(bill, line.catalogitemid, site.runId)]);
      expectRefusal(`recording on bill ${bill.id} a production of bill ${other.id}'s line ${line.id}`, answer, 'itemnotinbill');
      return () => expectBillsUntouched(fixtures, 'a production of another bill line', [bill, other]);
    },
  },
  {
    name: `record_production: a bill, line or product that does not exist is ${MISSING_RECORD.join(' or ')}`,
    async run({ site, fixtures }) {
      const bill = await fixtures.takeBill('in SOLDOUT with a catalog line', (b) => b.status === 'SOLDOUT' && productLine(b) !== undefined);
      const line = productLine(bill) as NonNullable<ReturnType<typeof productLine>>;
      const made = product(bill, line.catalogitemid, site.runId);
      const cases: [string, number, number, Record<string, string | number>][] = [
        [`bill ${NEVER_AN_ID}`, NEVER_AN_ID, line.id, made],
        [`line ${NEVER_AN_ID} of bill ${bill.id}`, bill.id, NEVER_AN_ID, made],
        [`product ${NEVER_AN_ID}`, bill.id, line.id, { ...made, id: NEVER_AN_ID }],
      ];
      for (const [what, billid, billitemid, sent] of cases) {
        expectRefusal(`recording a production for ${what}`, await rawProduction(site, billid, billitemid, [sent]), MISSING_RECORD);
      }
      return () => expectBillsUntouched(fixtures, 'productions of missing records', [bill]);
    },
  },
];
