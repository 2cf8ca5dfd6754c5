import { AppError, type ShopPluginState, type SiteCheck } from '../../shared/contract';
import {
  FEATURES,
  functionsOf,
  isShopFunction,
  SITE_FUNCTION_NAMES,
  SITE_FUNCTIONS,
  type SiteFunction,
} from '../../shared/moodle/site-functions';
import type { MoodleClient } from '../moodle/rest-client';
import { shopSite } from '../shop-api/site';
import { errorTextOf, refusal } from '../../shared/errors/error-text';

/** The part of core_webservice_get_site_info's answer the check reads (see the captures). */
interface SiteInfo {
  sitename: string;
  siteurl: string;
  release: string;
  username: string;
  fullname: string;
  functions?: { name: string; version: string }[];
}

type ShopPlugin = SiteCheck['shopPlugin'];

/**
 * "Test connection": who the token is, which Moodle it reaches, whether the shop plugin is there and usable,
 * and which functions of the registry the token's service lacks, grouped by feature. Two calls: the site info
 * lists the service's functions; the plugin's get_site tells "not installed" from "not in the service" (Moodle
 * answers invalidrecord for the first, accessexception for the second) and checks the capability.
 */
export async function checkSite(client: MoodleClient): Promise<SiteCheck> {
  const started = performance.now();
  const info = await client.call<SiteInfo>('core_webservice_get_site_info');
  const available = new Set((info.functions ?? []).map((f) => f.name));
  const shopPlugin = await probeShopPlugin(client);
  const reasonOf = (name: SiteFunction): 'notInstalled' | 'notInService' | 'noCapability' | null => {
    if (isShopFunction(name) && shopPlugin.state === 'notInstalled') return 'notInstalled';
    if (!available.has(name)) return 'notInService';
    if (isShopFunction(name) && shopPlugin.state === 'noCapability') return 'noCapability';
    return null;
  };
  const missingFunctions = SITE_FUNCTION_NAMES.flatMap((name) => {
    const reason = reasonOf(name);
    const spec = SITE_FUNCTIONS[name];
    return reason ? [{ name, purpose: spec.purpose, features: [...spec.features], reason }] : [];
  });
  const features = FEATURES.map((feature) => {
    const needed = functionsOf(feature);
    const missing = missingFunctions.filter((f) => (needed as string[]).includes(f.name));
    return { feature, state: featureState(needed, missing, shopPlugin.state), missing: missing.map((f) => f.name) };
  });
  return {
    siteName: String(info.sitename ?? ''),
    siteUrl: String(info.siteurl ?? client.siteUrl),
    release: String(info.release ?? ''),
    username: String(info.username ?? ''),
    fullname: String(info.fullname ?? ''),
    shopPlugin,
    missingFunctions,
    features,
    availableCount: available.size,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The worst reason among a feature's missing functions; a failed probe makes the shop's features unusable. */
function featureState(needed: SiteFunction[], missing: { reason: ShopPluginState }[], plugin: ShopPluginState): ShopPluginState {
  for (const reason of ['notInstalled', 'noCapability', 'notInService'] as const)
    if (missing.some((m) => m.reason === reason)) return reason;
  if (plugin === 'failed' && needed.some(isShopFunction)) return 'failed';
  return 'ready';
}

/** One call of the plugin's get_site, read for what its answer says about the plugin. */
export async function probeShopPlugin(client: MoodleClient): Promise<ShopPlugin> {
  const none = { siteIdentifier: null, pluginRelease: null };
  // The message the panel shows, with its words for the window's language when it has them.
  const said = (error: AppError) => ({ message: error.message, messageText: errorTextOf(error.details) });
  try {
    const answer = shopSite.safeParse(await client.call<unknown>('local_shopbackoffice_get_site'));
    if (!answer.success) return { state: 'failed', ...none, ...said(refusal('moodle_bad_response', 'site.pluginUnexpected', {})) };
    return {
      state: 'ready',
      siteIdentifier: answer.data.siteidentifier,
      pluginRelease: answer.data.pluginrelease,
      message: null,
      messageText: null,
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const state = PROBE_STATES[error.code] ?? 'failed';
    return { state, ...none, ...said(error) };
  }
}

const PROBE_STATES: Partial<Record<string, ShopPluginState>> = {
  moodle_function_not_installed: 'notInstalled',
  moodle_function_missing: 'notInService',
  moodle_access_denied: 'noCapability',
};
