import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLUGIN_VERSION, SHOP_VERSION } from '../functions/shop-site';
import { MAX_PAGE, SETTLING_SECONDS } from '../lib/shop/sync';
import { createUser } from '../lib/users';
import { errorCode, NOW, startShopSite, type ShopTestSite } from './shop-site';

/** local_shopbackoffice_get_site through the real client: the site's identity and the shop settings. */

let site: ShopTestSite;
beforeEach(async () => {
  site = await startShopSite({ randomSeed: 11 });
});
afterEach(async () => {
  await site.close();
});

describe('local_shopbackoffice_get_site', () => {
  it("tells the site's identity, versions and sync settings", async () => {
    const answer = await site.api.getSite();
    expect(answer).toEqual({
      siteidentifier: expect.stringMatching(/^[0-9a-f]{32}127\.0\.0\.1:\d+$/) as string,
      wwwroot: site.sim.url,
      sitename: 'Real Moodle Test Site',
      moodlerelease: '5.0.6+ (Build: 20260403)',
      pluginversion: PLUGIN_VERSION,
      pluginrelease: expect.any(String) as string,
      shopversion: SHOP_VERSION,
      settling: SETTLING_SECONDS,
      maxpage: MAX_PAGE,
      servertime: NOW,
      defaultcurrency: '',
      seller: {
        name: '',
        address: '',
        zip: '',
        city: '',
        country: '',
        email: '',
        supportemail: '',
        supportphone: '',
        registration: '',
        vatnumber: '',
        billingaddress: '',
        billingzip: '',
        billingcity: '',
        billingcountry: '',
      },
    });
  });

  it('keeps its identifier for the life of the site', async () => {
    const first = await site.api.getSite();
    site.sim.setNow(NOW + 86_400);
    const later = await site.api.getSite();
    expect(later.siteidentifier).toBe(first.siteidentifier);
    expect(later.servertime).toBe(NOW + 86_400);
    expect(site.sim.site.config('siteidentifier')).toBe(first.siteidentifier);
  });

  it("reads the seller and the default currency from local_shop's settings", async () => {
    site.sim.site.setPluginConfig('local_shop', 'sellername', 'Savoirs & Compétences');
    site.sim.site.setPluginConfig('local_shop', 'sellerID', '123 456 789 RCS Lyon');
    site.sim.site.setPluginConfig('local_shop', 'tvaeurope', 'FR12123456789');
    site.sim.site.setPluginConfig('local_shop', 'defaultcurrency', 'EUR');
    site.sim.site.setPluginConfig('local_shop', 'sellerbillingcity', 'Villeurbanne');
    const answer = await site.api.getSite();
    expect(answer.defaultcurrency).toBe('EUR');
    expect(answer.seller).toMatchObject({
      name: 'Savoirs & Compétences',
      registration: '123 456 789 RCS Lyon',
      vatnumber: 'FR12123456789',
      billingcity: 'Villeurbanne',
    });
  });

  it('needs local/shopbackoffice:use', async () => {
    const { sim } = site;
    const userid = sim.site.transaction(() =>
      createUser(
        sim.site,
        { username: 'clerk', firstname: 'Sales', lastname: 'Clerk', email: 'clerk@example.com', confirmed: 1, mnethostid: 1 },
        null,
      ),
    );
    expect(await errorCode(site.apiFor(sim.addToken({ userid })).getSite())).toBe('nopermissions');
  });
});
