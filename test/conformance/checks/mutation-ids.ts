import { expectEqual, fail, type Check } from '../check';
import { customerInput } from '../fixtures';
import { expectRefusal } from '../moodle-errors';

/**
 * Client mutation ids (docs/shop-api.md, "Writes"): a write sent again with the id of one already applied is
 * not applied again; the site answers the stored answer with `replayed = 1`. What was written is then read
 * back through sync, once the writes settled: one item, one version step, one payment, one history row.
 */
const again = <A extends { replayed: number }>(first: A): A => ({ ...first, replayed: 1 });

export const mutationIdChecks: Check[] = [
  {
    name: 'mutation ids: a creation sent twice is replayed with the first answer, and creates one item',
    async run({ site, fixtures }) {
      const input = await fixtures.itemInput();
      const id = site.mutationId();
      const first = await site.api.saveCatalogItem(id, 0, input);
      if (first.status !== 'applied') fail(`creating an item answered ${first.status}`);
      fixtures.itemCreated(first.id, first.version);
      expectEqual('replayed on the first send', first.replayed, 0);
      expectEqual('the same creation sent again', await site.api.saveCatalogItem(id, 0, input), again(first));
      return async () => {
        const items = (await fixtures.changesSinceSnapshot('catalogitems')).rows.filter((row) => row.code === input.code);
        expectEqual(
          `items with code ${input.code}`,
          items.map((row) => row.id),
          [first.id],
        );
      };
    },
  },
  {
    name: 'mutation ids: an update_customer sent twice is replayed, and applied once',
    async run({ site, fixtures }) {
      const customer = await fixtures.takeCustomer();
      const id = site.mutationId();
      const first = await site.api.updateCustomer(id, customer.version, customerInput(customer));
      expectEqual(`updating customer ${customer.id}`, [first.status, first.replayed, first.version], ['applied', 0, customer.version + 1]);
      expectEqual('the same update sent again', await site.api.updateCustomer(id, customer.version, customerInput(customer)), again(first));
      return async () => {
        const served = await fixtures.settled('customers', customer.id);
        expectEqual(`version of customer ${customer.id} served after the repeated update`, served?.version, customer.version + 1);
      };
    },
  },
  {
    name: 'mutation ids: a record_payment sent twice is replayed, and pays once',
    async run({ site, fixtures }) {
      const bill = await fixtures.takeBill(
        'in PENDING with something due',
        (b) => b.status === 'PENDING' && b.amountcents - b.paidcents >= 2,
      );
      const id = site.mutationId();
      const payment = {
        amountcents: 1,
        currency: bill.currency,
        paymode: 'check' as const,
        paidon: bill.emissiondate,
        reference: `CONF-${site.runId}`,
      };
      const first = await site.api.recordPayment(id, bill.id, payment);
      expectEqual(`paying bill ${bill.id}`, [first.status, first.replayed], ['applied', 0]);
      expectEqual('the same payment sent again', await site.api.recordPayment(id, bill.id, payment), again(first));
      return async () => {
        const served = await fixtures.settled('bills', bill.id);
        if (!served) fail(`sync_bills does not send bill ${bill.id} after its payment`);
        expectEqual(
          `payments of bill ${bill.id} with id ${first.paymentid}`,
          served.payments.filter((p) => p.id === first.paymentid).length,
          1,
        );
        expectEqual(`payments of bill ${bill.id}`, served.payments.length, bill.payments.length + 1);
        expectEqual(`paidcents of bill ${bill.id}`, served.paidcents, bill.paidcents + 1);
      };
    },
  },
  {
    name: 'mutation ids: a transition_bill sent twice is replayed, and moves the bill once',
    async run({ site, fixtures }) {
      const bill = await fixtures.takeBill('in SOLDOUT', (b) => b.status === 'SOLDOUT');
      const id = site.mutationId();
      const first = await site.api.transitionBill(id, bill.id, 'SOLDOUT', 'COMPLETE', 'conformance: sent twice');
      expectEqual(`moving bill ${bill.id}`, [first.status, first.replayed, first.bill.status], ['applied', 0, 'COMPLETE']);
      expectEqual(
        'the same transition sent again',
        await site.api.transitionBill(id, bill.id, 'SOLDOUT', 'COMPLETE', 'conformance: sent twice'),
        again(first),
      );
      return async () => {
        const served = await fixtures.settled('bills', bill.id);
        if (!served) fail(`sync_bills does not send bill ${bill.id} after its transition`);
        expectEqual(
          `bill ${bill.id} served: version, status, history rows`,
          [served.version, served.status, served.history.length],
          [bill.version + 1, 'COMPLETE', bill.history.length + 1],
        );
      };
    },
  },
  {
    name: 'mutation ids: one used by another function, or outside 8 to 64 characters, is invalidparameter',
    async run({ site, fixtures }) {
      const customer = await fixtures.takeCustomer();
      const id = site.mutationId();
      const applied = await site.api.updateCustomer(id, customer.version, customerInput(customer));
      if (applied.status !== 'applied') fail(`updating customer ${customer.id} answered ${applied.status}`);
      const bill = await fixtures.peekBill('SOLDOUT');
      if (!bill) fail('no SOLDOUT bill to send the reused id with');
      const reused = await site.raw('local_shopbackoffice_set_bill_lettering', {
        clientmutationid: id,
        billid: bill.id,
        idnumber: bill.idnumber,
      });
      expectRefusal(`set_bill_lettering with the mutation id of an update_customer`, reused, 'invalidparameter');
      for (const wrong of ['a1b2c3d', 'f'.repeat(65)]) {
        const answer = await site.raw('local_shopbackoffice_update_customer', {
          clientmutationid: wrong,
          baseversion: applied.version,
          customer: { ...customerInput(customer) },
        });
        expectRefusal(`update_customer with a ${wrong.length}-character mutation id`, answer, 'invalidparameter');
      }
    },
  },
];
