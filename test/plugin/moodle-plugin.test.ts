import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_FUNCTION_NAMES } from '../../shared/moodle/site-functions';
// @ts-expect-error: a build script in plain JavaScript, without types
import { buildPluginZip, PLUGIN_DIR } from '../../build/scripts/plugin-zip.mjs';

/**
 * The Moodle plugin checked without a Moodle (CI has none): PHP's own lint on every file, its pure logic with
 * Debian's PHPUnit, the installable zip read back by an independent reader (Python's zipfile), and what the
 * plugin declares against what the back-office needs. PHP is required in CI; elsewhere the PHP checks are
 * skipped when it is not installed.
 */
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const phpNeeded = process.env['CI'] === 'true';
const withPhp = phpNeeded || has('php') ? it : it.skip;
const withPhpunit = phpNeeded || has('phpunit') ? it : it.skip;

function phpFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? phpFiles(full) : entry.name.endsWith('.php') ? [full] : [];
  });
}

/** Evaluates a PHP declaration file (db/services.php, a lang file) and returns its variables as JSON. */
function phpDeclarations(file: string, variables: string[]): Record<string, unknown> {
  const code = `define('MOODLE_INTERNAL', 1); foreach (['RISK_PERSONAL' => 1, 'RISK_DATALOSS' => 2, 'RISK_CONFIG' => 4,
    'CONTEXT_SYSTEM' => 10, 'CAP_ALLOW' => 1] as $k => $v) { define($k, $v); } require($argv[1]);
    echo json_encode([${variables.map((v) => `'${v}' => $${v} ?? null`).join(', ')}]);`;
  return JSON.parse(execFileSync('php', ['-r', code, file], { encoding: 'utf8' })) as Record<string, unknown>;
}

describe('moodle-plugin (local_shopbackoffice)', () => {
  withPhp(
    'every PHP file passes php -l',
    () => {
      const files = phpFiles(PLUGIN_DIR as string);
      expect(files.length).toBeGreaterThan(40);
      const failed = files.filter((file) => spawnSync('php', ['-l', file], { encoding: 'utf8' }).status !== 0);
      expect(failed).toEqual([]);
    },
    120_000,
  );

  withPhpunit(
    'its pure logic passes its PHPUnit tests (cursor order, amounts, change detection...)',
    () => {
      const run = spawnSync('phpunit', ['-c', 'tests/pure/phpunit.xml'], { cwd: PLUGIN_DIR as string, encoding: 'utf8' });
      expect(run.stdout + run.stderr).toMatch(/OK \(\d+ tests, \d+ assertions\)/);
      expect(run.status).toBe(0);
    },
    60_000,
  );

  withPhp("the ready-made service holds every function the back-office calls, and each is the plugin's or Moodle's", () => {
    const { functions, services } = phpDeclarations(path.join(PLUGIN_DIR as string, 'db/services.php'), ['functions', 'services']) as {
      functions: Record<string, { classname: string; capabilities: string }>;
      services: Record<string, { shortname: string; functions: string[] }>;
    };
    const service = services['Shop back-office'];
    expect(service?.shortname).toBe('local_shopbackoffice');
    const missing = SITE_FUNCTION_NAMES.filter((name) => !service?.functions.includes(name));
    expect(missing).toEqual([]);
    for (const [name, declaration] of Object.entries(functions)) {
      expect(name.startsWith('local_shopbackoffice_')).toBe(true);
      const file = path.join(PLUGIN_DIR as string, 'classes/external', `${name.replace('local_shopbackoffice_', '')}.php`);
      expect(fs.existsSync(file), `${name} has its class ${declaration.classname}`).toBe(true);
      expect(declaration.capabilities).toBe('local/shopbackoffice:use');
    }
    const ours = SITE_FUNCTION_NAMES.filter((name) => name.startsWith('local_shopbackoffice_'));
    expect(Object.keys(functions).sort()).toEqual(ours.sort());
  });

  withPhp('English and French strings have the same keys, and every error code of docs/shop-api.md has its string', () => {
    const en = phpDeclarations(path.join(PLUGIN_DIR as string, 'lang/en/local_shopbackoffice.php'), ['string'])['string'] as Record<
      string,
      string
    >;
    const fr = phpDeclarations(path.join(PLUGIN_DIR as string, 'lang/fr/local_shopbackoffice.php'), ['string'])['string'] as Record<
      string,
      string
    >;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const doc = fs.readFileSync(path.resolve(PLUGIN_DIR as string, '../docs/shop-api.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## Error codes'));
    const codes = [...table.matchAll(/`([a-z]+)`/g)].map((m) => m[1] as string);
    const moodles = new Set(['invalidparameter', 'nopermissions', 'invalidrecordunknown', 'invalidrecord']);
    const ours = codes.filter((code) => !moodles.has(code));
    expect(ours.length).toBeGreaterThan(15);
    expect(ours.filter((code) => !en[code])).toEqual([]);
  });

  it("declares its schema as XMLDB wants it: no CHAR NOT NULL column defaulting to '' (Moodle prints a debugging message and fixes it)", () => {
    const xml = fs.readFileSync(path.join(PLUGIN_DIR as string, 'db/install.xml'), 'utf8');
    const offending = [...xml.matchAll(/<FIELD NAME="(\w+)" TYPE="char"[^>]*NOTNULL="true"[^>]*DEFAULT=""/g)].map((m) => m[1]);
    expect(offending).toEqual([]);
    expect(xml).toContain('<TABLE NAME="local_shopbackoffice_track"');
  });

  it('builds an installable zip: one shopbackoffice/ folder with version.php, the schema, services and strings', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-zip-'));
    const built = (await buildPluginZip({ outDir })) as { file: string; version: { component: string; version: number } };
    expect(built.version.component).toBe('local_shopbackoffice');
    const listing = execFileSync(
      'python3',
      ['-c', 'import json,sys,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', built.file],
      { encoding: 'utf8' },
    );
    const names = JSON.parse(listing) as string[];
    expect(names.every((name) => name.startsWith('shopbackoffice/'))).toBe(true);
    for (const needed of [
      'version.php',
      'db/install.xml',
      'db/services.php',
      'db/access.php',
      'settings.php',
      'lang/en/local_shopbackoffice.php',
      'lang/fr/local_shopbackoffice.php',
      'classes/privacy/provider.php',
      'cli/load_demo.php',
    ]) {
      expect(names, needed).toContain(`shopbackoffice/${needed}`);
    }
    const versionPhp = execFileSync(
      'python3',
      ['-c', 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read("shopbackoffice/version.php").decode())', built.file],
      { encoding: 'utf8' },
    );
    expect(versionPhp).toContain(`$plugin->version = ${built.version.version};`);
    fs.rmSync(outDir, { recursive: true, force: true });
    // Three child processes (the zip build, two readers): seconds each on a loaded CI machine.
  }, 60_000);
});
