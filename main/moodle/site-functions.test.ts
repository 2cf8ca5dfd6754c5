import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURES, functionsOf, isSiteFunction, SHOP_PLUGIN, SITE_FUNCTION_NAMES } from '../../shared/moodle/site-functions';
import { TABLES } from '../db/tables';

/**
 * The registry is the list "Test connection" checks, so it must hold every function the code calls. The
 * client's `call` is typed with it (site-functions.type-test.ts); this scan also catches a name that reaches
 * the client through a cast or a variable: any literal shaped like a Moodle function in the app's sources.
 */

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = ['main', 'shared', 'electron', 'renderer/src'];
const FUNCTION_NAME =
  /['"`]((?:core|enrol|local|mod|tool|auth|block|message|report|gradereport|webservice)_[a-z0-9]+(?:_[a-z0-9]+)+)['"`]/g;

const TABLE_NAMES = new Set(TABLES.map((table) => table.name));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.test-support\.ts$|\.type-test\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('the registry of site functions', () => {
  it('declares every Moodle function named in the code', () => {
    const undeclared = new Set<string>();
    let seen = 0;
    for (const file of SOURCES.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(FUNCTION_NAME)) {
        const name = match[1]!;
        // The plugin's name, the prefix of its function names and the cache's tables (local_id_map) are not functions.
        if (name === SHOP_PLUGIN || name.endsWith('_') || TABLE_NAMES.has(name)) continue;
        seen += 1;
        if (!isSiteFunction(name)) undeclared.add(`${name} (${path.relative(ROOT, file)})`);
      }
    }
    expect([...undeclared]).toEqual([]);
    // The scan found the calls: a pattern that matches nothing would pass anything.
    expect(seen).toBeGreaterThan(SITE_FUNCTION_NAMES.length);
  });

  it('gives every function a feature, and every feature a function', () => {
    for (const feature of FEATURES) expect(functionsOf(feature).length, feature).toBeGreaterThan(0);
    expect(new Set(FEATURES.flatMap(functionsOf))).toEqual(new Set(SITE_FUNCTION_NAMES));
  });
});
