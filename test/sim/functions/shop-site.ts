import { single, value } from '../external/description';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { PARAM_INT, PARAM_RAW, PARAM_TEXT } from '../external/param-types';
import { getRecord } from '../lib/dml';
import type { CourseRecord } from '../lib/records';
import { requireSalesAdmin } from '../lib/shop/access';
import { MAX_PAGE, SETTLING_SECONDS } from '../lib/shop/sync';
import type { MoodleSite } from '../site';

/**
 * local_shopbackoffice_get_site (docs/shop-api.md, "The site"): which site a client talks to, so that a cache
 * knows the site it belongs to, and the shop settings the back-office needs. Versions and settings are read
 * from the site's configuration when a test set them, else the values a current install would have.
 */

/** local_shopbackoffice's version.php, as the plugin under moodle-plugin/ is being written. */
export const PLUGIN_VERSION = 2026121800;
export const PLUGIN_RELEASE = '1.3.1';
/** local_shop's version in the public repository (the community edition the captured site runs). */
export const SHOP_VERSION = 2025011400;

/** The seller identity keys of the answer and the local_shop settings they come from (reference/local_shop.md). */
const SELLER_SETTINGS = {
  name: 'sellername',
  address: 'selleraddress',
  zip: 'sellerzip',
  city: 'sellercity',
  country: 'sellercountry',
  email: 'sellermail',
  supportemail: 'sellermailsupport',
  supportphone: 'sellerphonesupport',
  registration: 'sellerID',
  vatnumber: 'tvaeurope',
  billingaddress: 'sellerbillingaddress',
  billingzip: 'sellerbillingzip',
  billingcity: 'sellerbillingcity',
  billingcountry: 'sellerbillingcountry',
} as const;

type SellerKey = keyof typeof SELLER_SETTINGS;

/**
 * get_site_identifier(): Moodle makes it once at install (random_string(32) and the host) and keeps it in
 * $CFG. The simulated installs do not make it, so it is made on first use and kept the same way: from the
 * site's random generator, so a seeded site gets the same identifier on every run.
 */
export function siteIdentifier(site: MoodleSite): string {
  const stored = site.config('siteidentifier');
  if (stored) return stored;
  const wwwroot = site.config('wwwroot') ?? '';
  let host = '';
  try {
    host = new URL(wwwroot).host;
  } catch {
    // No address yet: the identifier is only the random part, which is what makes it unique anyway.
  }
  const identifier = `${site.randomHex(32)}${host}`;
  site.setConfig('siteidentifier', identifier);
  return identifier;
}

const intSetting = (raw: string | undefined, fallback: number) => (raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : fallback);

const text = (desc: string) => value(PARAM_TEXT, desc);

const getSite = defineFunction({
  name: 'local_shopbackoffice_get_site',
  component: 'local_shopbackoffice',
  parameters: {},
  returns: single({
    siteidentifier: text("Moodle's site identifier, stable for the site's life"),
    wwwroot: value(PARAM_RAW, "The site's address"),
    sitename: value(PARAM_RAW, "The site's full name"),
    moodlerelease: text("Moodle's release"),
    pluginversion: value(PARAM_INT, "local_shopbackoffice's version (YYYYMMDDXX)"),
    pluginrelease: text("local_shopbackoffice's release name"),
    shopversion: value(PARAM_INT, "local_shop's version"),
    settling: value(PARAM_INT, 'The settling window of the sync functions, in seconds'),
    maxpage: value(PARAM_INT, 'The largest limit a sync call accepts'),
    servertime: value(PARAM_INT, "The server's clock"),
    defaultcurrency: text("local_shop's default currency ('' when not set)"),
    seller: single(
      {
        name: text('Seller name'),
        address: text('Seller address'),
        zip: text('Seller zip code'),
        city: text('Seller city'),
        country: text('Seller country'),
        email: text('Seller email'),
        supportemail: text('Customer support email'),
        supportphone: text('Customer support phone'),
        registration: text('Company registration number'),
        vatnumber: text('EU VAT number'),
        billingaddress: text('Seller billing address'),
        billingzip: text('Seller billing zip code'),
        billingcity: text('Seller billing city'),
        billingcountry: text('Seller billing country'),
      },
      "The seller identity of local_shop's settings ('' when not set)",
    ),
  }),
  execute: (_params, { site, user }) => {
    requireSalesAdmin(site, user.id);
    const shopSetting = (name: string) => site.pluginConfig('local_shop', name) ?? '';
    const seller = Object.fromEntries(
      (Object.entries(SELLER_SETTINGS) as [SellerKey, string][]).map(([key, setting]) => [key, shopSetting(setting)]),
    ) as Record<SellerKey, string>;
    return {
      siteidentifier: siteIdentifier(site),
      wwwroot: site.config('wwwroot') ?? '',
      sitename: getRecord<CourseRecord>(site, 'course', { id: 1 })?.fullname ?? '',
      moodlerelease: site.config('release') ?? '',
      pluginversion: intSetting(site.pluginConfig('local_shopbackoffice', 'version'), PLUGIN_VERSION),
      pluginrelease: site.pluginConfig('local_shopbackoffice', 'release') ?? PLUGIN_RELEASE,
      shopversion: intSetting(site.pluginConfig('local_shop', 'version'), SHOP_VERSION),
      settling: SETTLING_SECONDS,
      maxpage: MAX_PAGE,
      servertime: site.now(),
      defaultcurrency: shopSetting('defaultcurrency'),
      seller,
    };
  },
});

export const shopSiteFunctions: readonly ExternalFunction[] = [getSite];
