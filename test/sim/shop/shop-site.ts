import { silentLogger } from '../../../main/core/logger';
import { createMoodleClient, type MoodleClient } from '../../../main/moodle/rest-client';
import { ShopApi } from '../../../main/shop-api/shop-client';
import { AppError } from '../../../shared/contract';
import { seedBaseInstall } from '../seed/base-install';
import { startSimulatedSite, type SimulatedSite, type SimulatedSiteOptions } from '../start-simulated-site';

/**
 * A simulated site for the shop API tests, with the back-office's real client in front of it: every call
 * goes through HTTP, the REST client and ShopApi's zod schemas, so an answer the client would not accept
 * fails the test as it would fail the app.
 */
export const NOW = 1_800_000_000;

export interface ShopTestSite {
  sim: SimulatedSite;
  /** The admin's ShopApi. */
  api: ShopApi;
  client: MoodleClient;
  /** A ShopApi on another token (a user without the capability, a staff member...). */
  apiFor(token: string): ShopApi;
  close(): Promise<void>;
}

export function shopApi(url: string, token: string): { api: ShopApi; client: MoodleClient } {
  // Retries without waiting: the tests inject faults and should not sleep through the backoff.
  const client = createMoodleClient({ url, token, logger: silentLogger, sleep: () => Promise.resolve() });
  return { api: new ShopApi(client), client };
}

/** A fresh install (no captured-site data) with a frozen clock, unless the options say otherwise. */
export async function startShopSite(options: SimulatedSiteOptions = {}): Promise<ShopTestSite> {
  const sim = await startSimulatedSite({ now: NOW, seeders: [(site) => seedBaseInstall(site)], ...options });
  const { api, client } = shopApi(sim.url, sim.adminToken);
  return { sim, api, client, apiFor: (token) => shopApi(sim.url, token).api, close: () => sim.close() };
}

/** The Moodle errorcode a call failed with (AppError details), or a test failure if it succeeded. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return String(error.details?.['errorcode'] ?? error.code);
    throw error;
  }
  throw new Error('the call succeeded; a Moodle exception was expected');
}

let counter = 0;
/** A fresh client mutation id, shaped like the back-office's (a UUID without dashes). */
export function mutationId(): string {
  counter += 1;
  return `${crypto.randomUUID().replace(/-/g, '')}`.slice(0, 24) + String(counter).padStart(8, '0');
}

/** Rows of a table, counted on the server side. */
export function countRows(sim: SimulatedSite, table: string, where = '1 = 1', ...params: (string | number)[]): number {
  return (sim.db.prepare(`SELECT COUNT(*) AS n FROM mdl_${table} WHERE ${where}`).get(...params) as { n: number }).n;
}
