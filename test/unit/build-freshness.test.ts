import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason } from '../../build/scripts/build-freshness.mjs';

let root: string;
const build = { output: 'dist/out.js', sources: ['src', 'config.ts'] };
const write = (file: string, at: number) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), file);
  fs.utimesSync(path.join(root, file), at, at);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-fresh-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('staleReason (npm run demo rebuilds only what changed)', () => {
  it('builds when the output is missing, skips when it is newer than every source', () => {
    write('src/a/b.ts', 1000);
    write('config.ts', 1000);
    expect(staleReason(root, build)).toBe('dist/out.js is missing');
    write('dist/out.js', 2000);
    expect(staleReason(root, build)).toBeNull();
  });

  it('builds again when a source, however deep, is newer; an edited test file changes no output', () => {
    write('src/a/b.ts', 1000);
    write('dist/out.js', 2000);
    write('src/a/b.test.ts', 3000);
    expect(staleReason(root, build)).toBeNull();
    write('src/a/deeper/c.tsx', 3000);
    expect(staleReason(root, build)).toBe('src changed since the last build');
    write('dist/out.js', 4000);
    write('config.ts', 5000);
    expect(staleReason(root, build)).toBe('config.ts changed since the last build');
  });
});
