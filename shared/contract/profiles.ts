import { z } from 'zod';
import { FEATURES } from '../moodle/site-functions';
import { command, event } from './define';
import { cacheSiteSchema } from './sync';

/**
 * A Moodle site root such as https://learn.example.com or https://example.com/moodle. Only http(s);
 * stored without a trailing slash so that `${url}/webservice/rest/server.php` is always right.
 */
export const siteUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the address of the Moodle site')
  .max(2000, 'This address is too long')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash && !url.username;
    } catch {
      return false;
    }
  }, 'Enter the address of the Moodle site, starting with https:// or http:// (no query string)')
  .transform((value) => value.replace(/\/+$/, ''));

/** Moodle tokens are 32 hex characters; custom token generators exist, so only the charset is enforced. */
export const tokenSchema = z
  .string()
  .trim()
  .min(8, 'A web service token is at least 8 characters long')
  .max(256, 'A web service token is at most 256 characters long')
  .regex(/^[A-Za-z0-9_-]+$/, 'A web service token has only letters, digits, _ and -');

export const profileNameSchema = z.string().trim().min(1, 'Give the site a name').max(80, 'A site name is at most 80 characters long');
export const profileIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const profileSchema = z.object({
  id: profileIdSchema,
  name: profileNameSchema,
  url: z.string(),
  hasToken: z.boolean(),
  createdAt: z.number().int(),
});
export type Profile = z.infer<typeof profileSchema>;

export const featureSchema = z.enum(FEATURES);

/**
 * Why the shop's functions can or cannot be used, from one probe call (local_shopbackoffice_get_site): Moodle
 * answers a function that is not installed differently from one that is not in the token's service.
 */
export const shopPluginStateSchema = z.enum([
  'ready', // installed, in the service, the token's user has local/shopbackoffice:use
  'notInstalled', // the site has no such function: install the plugin
  'notInService', // installed, but the token's service lacks it: add the functions, or use the plugin's service
  'noCapability', // in the service, but the token's user lacks local/shopbackoffice:use
  'failed', // another answer (an older plugin, a site error): `message` says which
]);
export type ShopPluginState = z.infer<typeof shopPluginStateSchema>;

export const siteCheckSchema = z.object({
  siteName: z.string(),
  siteUrl: z.string(),
  release: z.string(),
  /** The token's user, as Moodle names them. */
  username: z.string(),
  fullname: z.string(),
  shopPlugin: z.object({
    state: shopPluginStateSchema,
    /** Moodle's own identifier of the site (when the plugin answered): what a cache is tied to. */
    siteIdentifier: z.string().nullable(),
    pluginRelease: z.string().nullable(),
    message: z.string().nullable(),
    /** The message's text key and values (shared/errors/error-text.ts), for the window to word in its language. */
    messageText: z.object({ key: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
  }),
  /** Functions of the registry (shared/moodle/site-functions.ts) the token cannot call, and why. */
  missingFunctions: z.array(
    z.object({
      name: z.string(),
      purpose: z.string(),
      features: z.array(featureSchema),
      reason: shopPluginStateSchema.exclude(['ready', 'failed']),
    }),
  ),
  /** Every feature, and whether the token can use it: the operator sees what still works. */
  features: z.array(z.object({ feature: featureSchema, state: shopPluginStateSchema, missing: z.array(z.string()) })),
  availableCount: z.number().int(),
  durationMs: z.number().int(),
});
export type SiteCheck = z.infer<typeof siteCheckSchema>;

const profileListSchema = z.object({ profiles: z.array(profileSchema), activeId: profileIdSchema.nullable() });

export const profilesCommands = {
  'profiles.list': command('Site profiles and the active one', z.object({}).strict(), profileListSchema),
  'profiles.create': command(
    'Add a site profile (and make it active when it is the first)',
    z.object({ name: profileNameSchema, url: siteUrlSchema, token: tokenSchema }).strict(),
    profileSchema,
  ),
  'profiles.update': command(
    'Rename a profile, change its site address or replace its token',
    z
      .object({ id: profileIdSchema, name: profileNameSchema.optional(), url: siteUrlSchema.optional(), token: tokenSchema.optional() })
      .strict(),
    profileSchema,
  ),
  'profiles.remove': command(
    'Forget a profile and its token; its cache folder is kept aside, not deleted',
    z.object({ id: profileIdSchema }).strict(),
    z.object({ keptFolder: z.string() }),
  ),
  'profiles.select': command('Make a profile the active site', z.object({ id: profileIdSchema }).strict(), profileListSchema),
  'profiles.testConnection': command(
    "Call core_webservice_get_site_info with a saved profile's token, or with a URL and token not saved yet",
    z.union([z.object({ id: profileIdSchema }).strict(), z.object({ url: siteUrlSchema, token: tokenSchema }).strict()]),
    siteCheckSchema,
  ),
};

/** A cache set aside by "Start a new cache": the site it was filled from and the changes it never sent. */
export const keptCacheSchema = z.object({
  /** Its folder name under the profile's kept-caches/, which identifies it. */
  name: z.string(),
  keptAt: z.number().int(),
  site: cacheSiteSchema.nullable(),
  /** Changes made offline that were never acknowledged by that site (pending, parked or in conflict). */
  unsent: z.number().int(),
});
export type KeptCache = z.infer<typeof keptCacheSchema>;

const keptCacheInput = z.object({ id: profileIdSchema, name: z.string().regex(/^[A-Za-z0-9._-]{1,120}$/) }).strict();

export const profilesCacheCommands = {
  'profiles.startNewCache': command(
    "Set the profile's cache aside (with its unsent changes, never sent to another site) and start an empty one for the site it now reaches",
    z.object({ id: profileIdSchema }).strict(),
    z.object({ kept: keptCacheSchema }),
  ),
  'profiles.keptCaches': command(
    'The caches set aside for a profile, with their site and unsent changes',
    z.object({ id: profileIdSchema }).strict(),
    z.object({ caches: z.array(keptCacheSchema) }),
  ),
  'profiles.exportKeptCache': command(
    "Write a kept cache's unsent changes to a JSON file (absolute path ending in .json), to redo them by hand where they belong",
    keptCacheInput.extend({ file: z.string().min(1) }).strict(),
    z.object({ file: z.string(), entries: z.number().int() }),
  ),
  'profiles.discardKeptCache': command(
    'Delete a kept cache for good, with its unsent changes',
    keptCacheInput,
    z.object({ caches: z.array(keptCacheSchema) }),
  ),
};

export const profilesEvents = {
  'profiles.changed': event('A profile was added, changed, removed or selected', profileListSchema),
};
