import type Database from 'better-sqlite3';
import type { ExternalFunction } from './external/function-registry';
import { ALL_FUNCTIONS, KNOWN_UNIMPLEMENTED } from './functions';
import { FaultQueue, type Fault } from './http/faults';
import { startHttpServer, type ReceivedRequest } from './http/http-server';
import { shopServerSide, type ShopServerSide } from './lib/shop/server-side';
import { addServiceFunctions, createService, createToken, grantRestUse } from './lib/webservice';
import { createDemoData, type DemoData } from './demo-data';
import { DEFAULT_SEEDERS, type Seeder } from './seed';
import { seedBaseInstall } from './seed/base-install';
import { shopDemoSeeder } from './seed/shop-demo-data';
import { MoodleSite } from './site';

export type { Seeder } from './seed';

export interface SimulatedSiteOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** An SQLite file to keep the site in; in memory by default. */
  dbPath?: string;
  /** Seeds the random generator (tokens, private keys) so a run can be reproduced. */
  randomSeed?: number;
  /** The address the site believes it has (URLs in its answers); its real address by default. */
  wwwroot?: string;
  /** State to load, in order. Default: DEFAULT_SEEDERS (seed/index.ts), the captured site as it was before the captures. */
  seeders?: readonly Seeder[];
  /**
   * More web service functions for this site only. Functions every simulated site should have are listed in
   * functions/index.ts instead. A name already taken replaces the existing function.
   */
  functions?: readonly ExternalFunction[];
  /**
   * Plugins this site does not have (e.g. 'local_shopbackoffice'): their functions are unknown to it, so a call
   * answers invalidrecord(unknown) as on a Moodle where the plugin was never installed.
   */
  withoutComponents?: readonly string[];
  /** Freezes the clock at this Unix time (seconds); it runs normally otherwise. */
  now?: number;
  /** PHP's max_input_vars: fields beyond it are dropped as PHP drops them. 1000 by default. */
  maxInputVars?: number;
  /**
   * A demo shop (test/sim/demo-data) on a fresh install instead of the captured site: its courses, roles,
   * staff, customer accounts and shop tables. `now` defaults to the site's frozen clock (option `now`), else
   * to the demo data's own fixed date, so the same options give the same data. Ignored when `seeders` is given.
   */
  demo?: { bills: number; seed?: number; now?: number; customers?: number };
}

export interface AddTokenOptions {
  /** The token's user; the admin (2) by default. */
  userid?: number;
  /** A new service with these functions is created for the token... */
  functions?: readonly string[];
  /** ...or the token joins an existing service. Default: the service with every function. */
  serviceid?: number;
  token?: string;
  validuntil?: number;
  /** Gives the user webservice/rest:use (true by default: a token is useless without it, unless that is the test). */
  grantRestUse?: boolean;
}

export interface SimulatedSite {
  /** Site root, without trailing slash: the REST endpoint is `${url}/webservice/rest/server.php`. */
  readonly url: string;
  /** A token of the admin on a service holding every registered function. */
  readonly adminToken: string;
  readonly site: MoodleSite;
  readonly db: Database.Database;
  /** Every request received, in order. */
  readonly requests: ReceivedRequest[];
  /** The shop's tables seen from the server side: insert, touch or remove records behind the client's back. */
  readonly shop: ShopServerSide;
  /** The demo data the site was seeded with, if any (to compare what a client pulled with what was served). */
  readonly demo: DemoData | undefined;
  setDebug(on: boolean): void;
  setWebServicesEnabled(on: boolean): void;
  setNow(seconds: number | null): void;
  addToken(options?: AddTokenOptions): string;
  /** Registers a function and adds it to the admin token's service. */
  registerFunction(fn: ExternalFunction, options?: { replace?: boolean }): void;
  /** The next `times` calls of `fn` ('*': any function) meet `fault`. */
  injectFault(fn: string, fault: Fault, times?: number): void;
  clearFaults(): void;
  /**
   * An outage: the HTTP server stops (connections refused, as a site that is down) while the site's state
   * stays, so tests can still change it server-side; serveAgain() answers again on the same address.
   */
  stopServing(): Promise<void>;
  serveAgain(): Promise<void>;
  close(): Promise<void>;
}

export async function startSimulatedSite(options: SimulatedSiteOptions = {}): Promise<SimulatedSite> {
  const site = new MoodleSite({
    ...(options.dbPath ? { dbPath: options.dbPath } : {}),
    ...(options.randomSeed !== undefined ? { randomSeed: options.randomSeed } : {}),
  });
  if (options.now !== undefined) site.setNow(options.now);
  site.functions.declareKnown(KNOWN_UNIMPLEMENTED);
  const missing = new Set(options.withoutComponents ?? []);
  for (const fn of ALL_FUNCTIONS) if (!missing.has(fn.component)) site.functions.register(fn);
  for (const fn of options.functions ?? []) site.functions.register(fn, { replace: true });

  const demo = options.demo
    ? createDemoData({
        bills: options.demo.bills,
        ...(options.demo.seed !== undefined ? { seed: options.demo.seed } : {}),
        ...(options.demo.customers !== undefined ? { customers: options.demo.customers } : {}),
        ...((options.demo.now ?? options.now) !== undefined ? { now: options.demo.now ?? options.now } : {}),
      })
    : undefined;
  const seeders = options.seeders ?? (demo ? [(s: MoodleSite) => seedBaseInstall(s), shopDemoSeeder(demo)] : DEFAULT_SEEDERS);

  let adminServiceId = 0;
  let adminToken = '';
  site.transaction(() => {
    for (const seeder of seeders) seeder(site);
    adminServiceId = createService(site, {
      name: 'Simulator: every function',
      shortname: 'simulator_all',
      functions: site.functions.names(),
    });
    adminToken = createToken(site, { userid: 2, serviceid: adminServiceId });
  });

  const faults = new FaultQueue();
  const requests: ReceivedRequest[] = [];
  const serve = (port: number | undefined) =>
    startHttpServer({
      site,
      faults,
      received: requests,
      ...(options.host ? { host: options.host } : {}),
      ...(port ? { port } : {}),
      ...(options.maxInputVars ? { maxInputVars: options.maxInputVars } : {}),
    });
  let server = await serve(options.port);
  let serving = true;
  site.setConfig('wwwroot', options.wwwroot ?? server.url);

  return {
    url: server.url,
    adminToken,
    site,
    db: site.db,
    requests,
    shop: shopServerSide(site),
    demo,
    setDebug: (on) => site.setConfig('debug', on ? 32767 : 0),
    setWebServicesEnabled: (on) => site.setConfig('enablewebservices', on ? 1 : 0),
    setNow: (seconds) => site.setNow(seconds),
    addToken: (token = {}) =>
      site.transaction(() => {
        const serviceid = token.functions
          ? createService(site, { name: `Service ${site.randomHex(8)}`, functions: token.functions })
          : (token.serviceid ?? adminServiceId);
        const userid = token.userid ?? 2;
        if (token.grantRestUse ?? true) grantRestUse(site, userid);
        return createToken(site, {
          userid,
          serviceid,
          ...(token.token ? { token: token.token } : {}),
          ...(token.validuntil ? { validuntil: token.validuntil } : {}),
        });
      }),
    registerFunction: (fn, registration = {}) => {
      site.functions.register(fn, registration);
      addServiceFunctions(site, adminServiceId, [fn.name]);
    },
    injectFault: (fn, fault, times = 1) => faults.inject(fn, fault, times),
    clearFaults: () => faults.clear(),
    stopServing: async () => {
      if (!serving) return;
      serving = false;
      await server.close();
    },
    serveAgain: async () => {
      if (serving) return;
      server = await serve(Number(new URL(server.url).port));
      serving = true;
    },
    close: async () => {
      if (serving) await server.close();
      serving = false;
      site.close();
    },
  };
}
