import type { SiteCheck } from '../../shared/contract';
import type { MoodleClient } from '../moodle/rest-client';
import { REQUIRED_FUNCTIONS } from '../../shared/moodle/required-functions';

/** The part of core_webservice_get_site_info's answer the check reads (see the captures). */
interface SiteInfo {
  sitename: string;
  siteurl: string;
  release: string;
  username: string;
  fullname: string;
  functions?: { name: string; version: string }[];
}

/**
 * "Test connection": who the token is, which Moodle it reaches, and which of the back-office's functions the
 * token's service lacks. The answer lists the service's functions, so the check is one call.
 */
export async function checkSite(client: MoodleClient): Promise<SiteCheck> {
  const started = performance.now();
  const info = await client.call<SiteInfo>('core_webservice_get_site_info');
  const available = new Set((info.functions ?? []).map((f) => f.name));
  return {
    siteName: String(info.sitename ?? ''),
    siteUrl: String(info.siteurl ?? client.siteUrl),
    release: String(info.release ?? ''),
    username: String(info.username ?? ''),
    fullname: String(info.fullname ?? ''),
    missingFunctions: REQUIRED_FUNCTIONS.filter((f) => !available.has(f.name)).map((f) => ({ ...f })),
    availableCount: available.size,
    durationMs: Math.round(performance.now() - started),
  };
}
