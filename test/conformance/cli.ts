import { parseArgs } from 'node:util';
import { shopSite } from '../../main/shop-api/site';
import { GET_SITE } from './answer-shapes';
import { ALL_CHECKS } from './checks';
import { Fixtures } from './fixtures';
import { runChecks, type CheckResult } from './runner';
import { SiteUnderTest } from './site-under-test';

/**
 * The conformance suite's command line, shared by `npm run conformance` (main.ts) and the vitest test, so
 * the test runs exactly what a person runs against a real site:
 *
 *   npm run conformance -- --url <site> --token <token> [--only <text>] [--token-without-capability <token>]
 *
 * One line per check, then `N passed, N failed`. Exit 0 when every check passed, 1 when one failed, 2 on
 * bad arguments or a site that cannot be talked to. Tokens are never printed.
 *
 * The tokens may come from the environment instead (SHOP_TOKEN, SHOP_TOKEN_WITHOUT_CAPABILITY): npm prints a
 * script's arguments before running it, and a shell keeps them in its history; the suite cannot hide those.
 */
const USAGE =
  'usage: npm run conformance -- --url <site root> --token <web service token> [--only <part of a check name>] [--token-without-capability <token>]\n' +
  '       (or the tokens in SHOP_TOKEN and SHOP_TOKEN_WITHOUT_CAPABILITY, which npm does not print)';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

function redactor(secrets: string[]): (line: string) => string {
  return (line) => secrets.reduce((text, secret) => text.split(secret).join('<token>'), line);
}

export function formatResult(result: CheckResult): string {
  const detail = result.detail?.replace(/\s+/g, ' ').trim();
  if (result.outcome === 'skip') return `skip  ${result.name}: ${detail ?? ''}`;
  const timing = `(${Math.round(result.ms)} ms)`;
  return result.outcome === 'ok' ? `ok    ${result.name} ${timing}` : `FAIL  ${result.name} ${timing}: ${detail ?? ''}`;
}

/**
 * get_site before anything: a site that does not answer as a Moodle REST endpoint, or refuses the token,
 * is a usage error (exit 2); one that answers get_site wrongly is a site to check (its check fails, the
 * suite goes on with the doc's defaults).
 */
async function preflight(site: SiteUnderTest, print: (line: string) => void): Promise<boolean> {
  let answer;
  try {
    answer = await site.raw(GET_SITE);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    print(`error: cannot reach ${site.url} (${cause ?? (error instanceof Error ? error.message : String(error))})`);
    return false;
  }
  if (answer.status !== 200 || answer.json === undefined) {
    print(`error: ${site.url} is not a Moodle REST endpoint: HTTP ${answer.status} to /webservice/rest/server.php, not JSON`);
    return false;
  }
  const refusal = answer.json as { errorcode?: unknown; message?: unknown } | null;
  const errorcode = refusal && typeof refusal === 'object' && typeof refusal.errorcode === 'string' ? refusal.errorcode : null;
  if (errorcode === 'invalidtoken' || errorcode === 'invalidtimedtoken') {
    print(`error: ${site.url} refused the token (${errorcode})`);
    return false;
  }
  if (errorcode === 'nopermissions') {
    print("error: the token's user lacks local/shopbackoffice:use: give the suite a token of a user who has it");
    return false;
  }
  const parsed = shopSite.safeParse(answer.json);
  if (parsed.success) {
    site.setSiteInfo(parsed.data);
    const info = parsed.data;
    print(
      `site ${site.url}: ${info.sitename}, Moodle ${info.moodlerelease}, local_shopbackoffice ${info.pluginversion}, settling ${info.settling} s`,
    );
  } else {
    print(
      `note: get_site did not answer as documented (${errorcode ?? 'see its check'}): going on with the doc's settling (5 s) and largest page (2000)`,
    );
  }
  return true;
}

export async function conformanceCli(
  argv: readonly string[],
  print: (line: string) => void,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<number> {
  let values: { url?: string; token?: string; only?: string; 'token-without-capability'?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        only: { type: 'string' },
        'token-without-capability': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    print(`error: ${error instanceof Error ? error.message : String(error)}`);
    print(USAGE);
    return EXIT_USAGE;
  }
  values.token ??= env['SHOP_TOKEN'] || undefined;
  values['token-without-capability'] ??= env['SHOP_TOKEN_WITHOUT_CAPABILITY'] || undefined;
  const secrets = [values.token, values['token-without-capability']].filter((t): t is string => Boolean(t));
  const out = (
    (redact) => (line: string) =>
      print(redact(line))
  )(redactor(secrets));
  if (!values.url || !values.token) {
    out(USAGE);
    return EXIT_USAGE;
  }
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    out(`error: --url must be the site's http(s) address, not ${values.url}`);
    return EXIT_USAGE;
  }
  const only = values.only;
  if (only && !ALL_CHECKS.some((check) => check.name.toLowerCase().includes(only.toLowerCase()))) {
    out(`error: no check's name contains "${only}"`);
    return EXIT_USAGE;
  }

  const site = new SiteUnderTest({
    url: values.url,
    token: values.token,
    ...(values['token-without-capability'] ? { tokenWithoutCapability: values['token-without-capability'] } : {}),
  });
  if (!(await preflight(site, out))) return EXIT_USAGE;
  const fixtures = new Fixtures(site);
  await fixtures.takeSnapshots();
  const results = await runChecks(
    ALL_CHECKS,
    { site, fixtures },
    {
      ...(only ? { only } : {}),
      report: (result) => out(formatResult(result)),
      note: out,
    },
  );
  const passed = results.filter((r) => r.outcome === 'ok').length;
  const failed = results.filter((r) => r.outcome === 'FAIL').length;
  out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
