import type { CustomerRecord } from '../../../main/shop-api/records';
import { expectThat, fail, type Check } from '../check';
import { customerInput } from '../fixtures';
import { checkPage } from '../pull';

/**
 * The settling window (docs/shop-api.md, "Settling"): a change is served only once servertime - settling has
 * reached its timemodified, so a write still in its transaction can never land behind a client's cursor.
 * Every page the suite reads is also checked for it (pull.ts); this check sees one write held back, then
 * served.
 */
const POLL_MS = 1000;
/**
 * A site may take long over one read now and then (the plugin scans local_shop's tables for outside changes,
 * and lets what it found settle before answering): a read that came too late to see the window is tried
 * again on another write, rather than taken for a failure.
 */
const ATTEMPTS = 3;

export const settlingCheck: Check = {
  name: 'settling: a change is held back until servertime - settling, then served',
  async run({ site, fixtures }) {
    let held: { customer: CustomerRecord; written: number } | null = null;
    const late: number[] = [];
    for (let attempt = 0; attempt < ATTEMPTS && !held; attempt += 1) {
      const customer = await fixtures.takeCustomer();
      const update = await site.api.updateCustomer(site.mutationId(), customer.version, customerInput(customer));
      if (update.status !== 'applied' || !update.current) fail(`updating customer ${customer.id} answered ${update.status}`);
      const written = update.current.timemodified;
      const since = { timemodified: written - 1, id: 0 };
      const now = await site.api.syncPage('customers', since, site.maxPage);
      checkPage(site, 'sync_customers right after the write', now, since, site.maxPage, true);
      if (now.servertime - site.settling >= written) {
        late.push(now.servertime - written);
        continue;
      }
      expectThat(
        !now.rows.some((row) => row.id === customer.id),
        `customer ${customer.id}, written at ${written}, was served at servertime ${now.servertime}, inside the ${site.settling} s window`,
      );
      held = { customer, written };
    }
    if (!held) fail(`every read came too late to see the ${site.settling} s window: ${late.join(', ')} s after its write`);
    const { customer, written } = held;

    return async () => {
      const since = { timemodified: written - 1, id: 0 };
      const deadline = Date.now() + (site.settling + 30) * 1000;
      for (;;) {
        const page = await site.api.syncPage('customers', since, site.maxPage);
        checkPage(site, 'sync_customers after the window', page, since, site.maxPage, true);
        if (page.rows.some((row) => row.id === customer.id)) return;
        if (page.servertime - site.settling >= written) {
          fail(`customer ${customer.id}, written at ${written}, is still held back at servertime ${page.servertime}`);
        }
        if (Date.now() > deadline) fail(`customer ${customer.id} was not served within ${site.settling + 30} s`);
        // Polling the site's clock: only time passing on the server can release the change.
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    };
  },
};
