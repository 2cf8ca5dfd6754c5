import { z } from 'zod';
import { command, event } from './define';

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

export const siteCheckSchema = z.object({
  siteName: z.string(),
  siteUrl: z.string(),
  release: z.string(),
  /** The token's user, as Moodle names them. */
  username: z.string(),
  fullname: z.string(),
  /** Functions the back-office needs that the token's service does not list. */
  missingFunctions: z.array(z.object({ name: z.string(), purpose: z.string() })),
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

export const profilesEvents = {
  'profiles.changed': event('A profile was added, changed, removed or selected', profileListSchema),
};
