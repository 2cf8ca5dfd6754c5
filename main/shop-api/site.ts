import { z } from 'zod';

/**
 * local_shopbackoffice_get_site's answer (docs/shop-api.md, "The site"): which site the client talks to, so a
 * cache can tell the site it belongs to, and the shop settings the back-office needs (the settling window and
 * the largest page among them, so a client never assumes the defaults).
 */
const int = z.number().int();
const text = z.string();

export const sellerIdentity = z.object({
  name: text,
  address: text,
  zip: text,
  city: text,
  country: text,
  email: text,
  supportemail: text,
  supportphone: text,
  registration: text,
  vatnumber: text,
  // The shop's billing address when it has one of its own (local_shop's sellerbilling* settings). A plugin
  // older than these fields answers without them: nothing to print then.
  billingaddress: text.default(''),
  billingzip: text.default(''),
  billingcity: text.default(''),
  billingcountry: text.default(''),
});

export const shopSite = z.object({
  siteidentifier: z.string().min(1),
  wwwroot: text,
  sitename: text,
  moodlerelease: text,
  pluginversion: int,
  pluginrelease: text,
  shopversion: int,
  settling: int.nonnegative(),
  maxpage: int.positive(),
  servertime: int,
  defaultcurrency: text,
  seller: sellerIdentity,
});

export type ShopSite = z.infer<typeof shopSite>;
export type SellerIdentity = z.infer<typeof sellerIdentity>;
