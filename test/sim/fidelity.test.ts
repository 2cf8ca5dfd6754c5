import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES_DIR, listCaptures } from '../support/captures';
import { compareRows, compareValues, LEVEL_RANK, levelOf, type Comparison, type Level } from './fidelity/compare';
import { REPLAY } from './fidelity/replay-script';
import { seedCapturedSite } from './seed/captured-site';
import { startSimulatedSite, type SimulatedSite } from './start-simulated-site';

/**
 * Fidelity of the simulated Moodle site: every capture of the real Moodle 5.0 site (../shared/moodle-ws) is
 * sent again, over HTTP on loopback, to one simulated site seeded as the captured site was, in the order of
 * fidelity/replay-script.ts (which explains why one site and one order rather than a seed per capture).
 * Each capture runs with its own site_debug_setting and with the clock at its captured_at.
 *
 * Checked for every capture: the HTTP status, the content type, the body's shape (keys and value types,
 * recursively, list lengths included), error bodies as exact JSON, XML and empty bodies as exact text, and
 * the database rows of `db_check_after_call` (its PostgreSQL SQL runs on the simulator's SQLite as is).
 * Values must match too, except the volatile ones compare.ts names. A capture that cannot match to that
 * level must be listed below with its reason; none is today.
 */
const BELOW_EXACT: Readonly<Record<string, { level: Level; reason: string }>> = {};

interface CaptureFile {
  request_params: [string, string][];
  http_status: number;
  response_content_type: string;
  response_body: string;
  site_debug_setting?: string;
  captured_at?: string;
  db_check_after_call?: { sql: string; rows: Record<string, unknown>[] };
}

function load(file: string): CaptureFile {
  return JSON.parse(fs.readFileSync(path.join(CAPTURES_DIR, file), 'utf8')) as CaptureFile;
}

const outcomes = new Map<string, { level: Level; masked: string[] }>();

function summarise(): string {
  const byLevel = new Map<Level, string[]>();
  for (const [file, { level }] of outcomes) byLevel.set(level, [...(byLevel.get(level) ?? []), file]);
  const lines = (['byte-exact', 'exact', 'exact-except-volatile', 'structural'] as const).map(
    (l) => `  ${l}: ${byLevel.get(l)?.length ?? 0}`,
  );
  const masked = [...outcomes].filter(([, o]) => o.masked.length).map(([file, o]) => `  ${file}: ${o.masked.join('; ')}`);
  return [`fidelity: ${outcomes.size} captures replayed`, ...lines, 'volatile values that differed:', ...masked].join('\n');
}

describe('simulated Moodle site replays every real capture', () => {
  let sim: SimulatedSite;

  beforeAll(async () => {
    // The captured site's address, so that URLs inside answers (siteurl, image URLs) read the same.
    sim = await startSimulatedSite({ wwwroot: 'http://127.0.0.1:8081', seeders: [seedCapturedSite] });
  });

  afterAll(async () => {
    await sim.close();
    if (process.env['SIM_FIDELITY_REPORT']) console.log(summarise());
  });

  it('replays each capture exactly once', () => {
    const replayed = REPLAY.flatMap((step) => ('capture' in step ? [step.capture] : []));
    expect([...replayed].sort()).toEqual(listCaptures());
  });

  for (const step of REPLAY) {
    if ('admin' in step) {
      it(`(operator) ${step.admin}`, async () => {
        await step.run(sim);
      });
      continue;
    }
    const file = step.capture;
    it(file, async () => {
      const capture = load(file);
      sim.setDebug(capture.site_debug_setting?.startsWith('DEBUG_DEVELOPER') ?? false);
      if (capture.captured_at) sim.setNow(Math.floor(Date.parse(capture.captured_at) / 1000));

      const res = await fetch(`${sim.url}/webservice/rest/server.php`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(capture.request_params),
      });
      const text = await res.text();
      expect(res.status).toBe(capture.http_status);
      expect(res.headers.get('content-type')).toBe(capture.response_content_type);

      let comparison: Comparison = { shapeDifferences: [], valueDifferences: [], masked: [] };
      if (capture.response_content_type === 'application/json') {
        const expected: unknown = JSON.parse(capture.response_body);
        const actual: unknown = JSON.parse(text);
        comparison = compareValues(expected, actual);
        if (expected !== null && typeof expected === 'object' && 'exception' in expected) expect(actual).toEqual(expected);
      } else {
        expect(text).toBe(capture.response_body);
      }
      if (capture.db_check_after_call) {
        const rows = sim.db.prepare(capture.db_check_after_call.sql.replace(/::bigint/g, '')).all() as Record<string, unknown>[];
        const db = compareRows(capture.db_check_after_call.rows, rows);
        comparison.shapeDifferences.push(...db.shapeDifferences.map((d) => `db ${d}`));
        comparison.valueDifferences.push(...db.valueDifferences.map((d) => `db ${d}`));
        comparison.masked.push(...db.masked.map((d) => `db ${d}`));
      }

      const level = levelOf(capture.response_body, text, comparison);
      outcomes.set(file, { level, masked: comparison.masked });
      expect(comparison.shapeDifferences, 'shape').toEqual([]);
      const floor = BELOW_EXACT[file]?.level ?? 'exact-except-volatile';
      expect(LEVEL_RANK[level] >= LEVEL_RANK[floor] ? [] : comparison.valueDifferences, 'values').toEqual([]);
    });
  }
});
