import { shopSite } from '../../../main/shop-api/site';
import { expectDocumentedAnswer, GET_SITE } from '../answer-shapes';
import { expectEqual, expectThat, type Check } from '../check';

/**
 * local_shopbackoffice_get_site (docs/shop-api.md, "The site"): the identity a cache is tied to, and the
 * settings the client must take from the site rather than assume.
 */
export const siteIdentityChecks: Check[] = [
  {
    name: 'get_site: answers the documented shape, a stable identity and the sync settings',
    async run({ site }) {
      const first = expectDocumentedAnswer('get_site', await site.raw(GET_SITE), shopSite);
      const again = await site.api.getSite();
      const page = await site.api.syncPage('taxes', { timemodified: 0, id: 0 }, 1, { countRemaining: false });
      expectEqual('siteidentifier on a second call', again.siteidentifier, first.siteidentifier);
      expectEqual('wwwroot (the address the suite was given)', first.wwwroot.replace(/\/+$/, ''), site.url);
      expectThat(/^\d{10}$/.test(String(first.pluginversion)), `pluginversion should be YYYYMMDDXX, got ${first.pluginversion}`);
      expectThat(first.shopversion > 0, `shopversion should be local_shop's version, got ${first.shopversion}`);
      expectThat(first.moodlerelease !== '', "moodlerelease should be Moodle's release, got ''");
      expectEqual('maxpage (the doc: a sync accepts a limit of 1 to 2000)', first.maxpage, 2000);
      expectThat(first.settling >= 5, `settling should be at least the doc's 5 seconds, got ${first.settling}`);
      expectThat(
        /^([A-Z]{3})?$/.test(first.defaultcurrency),
        `defaultcurrency should be a currency code or '', got ${first.defaultcurrency}`,
      );
      // The clock get_site tells is the one sync pages are cut by.
      expectThat(
        first.servertime <= again.servertime && again.servertime <= page.servertime && page.servertime - first.servertime <= 60,
        `servertime should move with the clock sync pages carry: get_site ${first.servertime}, then ${again.servertime}, then sync ${page.servertime}`,
      );
    },
  },
];
