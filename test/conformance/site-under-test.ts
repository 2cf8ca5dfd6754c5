import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../main/core/logger';
import { encodeParams, toFormBody, type WsValue } from '../../main/moodle/encode-params';
import { createMoodleClient, type MoodleClient } from '../../main/moodle/rest-client';
import { ShopApi } from '../../main/shop-api/shop-client';
import type { ShopSite } from '../../main/shop-api/site';
import { AnswerLog, isWrite, shapeCheckingClient } from './answer-shapes';
import { fail } from './check';

/**
 * The site the suite runs against, reached only the way any client reaches it: HTTP to
 * /webservice/rest/server.php with a token. The back-office's own client (ShopApi over the REST client) for
 * what should succeed, raw form POSTs for what should be refused, so the refusal's exact shape can be seen.
 */

/** An HTTP answer of the REST endpoint, untouched. */
export interface RawAnswer {
  status: number;
  body: string;
  /** The body parsed as JSON, undefined when it is not JSON. */
  json: unknown;
}

/** What the suite assumes when get_site is missing (its own check then fails): the doc's defaults. */
const DOC_DEFAULTS = { settling: 5, maxpage: 2000 };

/** As long as the REST client waits for an answer. */
const RAW_TIMEOUT_MS = 30_000;

/** How long the site's clock may take to pass the settling window before the suite gives up. */
const SETTLE_TIMEOUT_MS = 60_000;

export interface SiteOptions {
  url: string;
  token: string;
  /** A token whose user lacks local/shopbackoffice:use, for the nopermissions check. */
  tokenWithoutCapability?: string;
}

export class SiteUnderTest {
  readonly url: string;
  readonly api: ShopApi;
  private readonly client: MoodleClient;
  readonly answers = new AnswerLog();
  /** Names what this run creates (codes, letterings, references), so a second run never collides with it. */
  readonly runId = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`.toUpperCase();
  /** Whether any write was sent: without one there is nothing to wait for before verifying. */
  wrote = false;
  private info: ShopSite | null = null;
  private userId: Promise<number | null> | null = null;

  constructor(private readonly options: SiteOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.client = createMoodleClient({ url: this.url, token: options.token, logger: silentLogger });
    this.api = new ShopApi(shapeCheckingClient(this.client, this.answers, (fn) => this.noteCall(fn)));
  }

  get hasTokenWithoutCapability(): boolean {
    return Boolean(this.options.tokenWithoutCapability);
  }

  /** get_site's answer, read once at the start (cli.ts); left null when the site does not answer it. */
  setSiteInfo(info: ShopSite | null): void {
    this.info = info;
  }

  get settling(): number {
    return this.info?.settling ?? DOC_DEFAULTS.settling;
  }

  get maxPage(): number {
    return this.info?.maxpage ?? DOC_DEFAULTS.maxpage;
  }

  /**
   * The token's user, from core_webservice_get_site_info (a function the back-office needs anyway): bill
   * history rows name who made them. Null when the token's service lacks it.
   */
  tokenUserId(): Promise<number | null> {
    this.userId ??= this.client
      .call<{ userid?: unknown }>('core_webservice_get_site_info')
      .then((info) => (typeof info.userid === 'number' ? info.userid : null))
      .catch(() => null);
    return this.userId;
  }

  /** A client mutation id as the back-office makes them: a UUID without dashes. */
  mutationId(): string {
    return randomUUID().replace(/-/g, '');
  }

  /** One form POST, answered as it comes: no retry, no interpretation. */
  async raw(fn: string, params: Record<string, WsValue> = {}, options: { withoutCapability?: boolean } = {}): Promise<RawAnswer> {
    this.noteCall(fn);
    const token = options.withoutCapability ? this.options.tokenWithoutCapability : this.options.token;
    if (!token) fail('no token without the capability was given (--token-without-capability)');
    const body = toFormBody([['wstoken', token], ['wsfunction', fn], ['moodlewsrestformat', 'json'], ...encodeParams(params)]);
    const response = await fetch(`${this.url}/webservice/rest/server.php`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(RAW_TIMEOUT_MS),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, body: text, json };
  }

  /** The site's clock: get_site's servertime, or a sync page's when get_site is not there. */
  async serverTime(): Promise<number> {
    if (this.info) return (await this.api.getSite()).servertime;
    return (await this.api.syncPage('taxes', { timemodified: 0, id: 0 }, 1, { countRemaining: false })).servertime;
  }

  /**
   * Waits until every write made so far is past the settling window, by the site's own clock: a write made
   * before now has timemodified <= now, and is served once servertime - settling >= now. The wait follows the
   * server's clock, not ours, so a site whose clock is off from this machine's is waited for correctly.
   */
  async waitUntilSettled(): Promise<void> {
    const target = (await this.serverTime()) + this.settling;
    await this.waitForServerTime(target);
  }

  async waitForServerTime(target: number): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      const now = await this.serverTime();
      if (now >= target) return;
      if (Date.now() > deadline) fail(`the site's clock stayed at ${now}, short of ${target}, for ${SETTLE_TIMEOUT_MS / 1000} s`);
      // Waiting is the point here: the site holds changes back by its clock, and nothing else will move it.
      await new Promise((resolve) => setTimeout(resolve, (target - now) * 1000 + 100));
    }
  }

  private noteCall(fn: string): void {
    if (isWrite(fn)) this.wrote = true;
  }
}
