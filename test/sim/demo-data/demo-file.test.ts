import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ENTITIES,
  DEMO_FILE_FORMAT,
  readDemoFile,
  writeDemoFile,
  type DemoEntity,
  type DemoFileHeader,
  type DemoFileWritten,
} from './demo-file';
import { createDemoData } from './index';

const OPTIONS = { seed: 3, bills: 300 };
const data = createDemoData(OPTIONS);

/** What the file must hold, built from the DemoData's fields directly rather than through the writer's own walk. */
const expected: { entity: DemoEntity; record: unknown }[] = [
  ...data.courseCategories.map((record) => ({ entity: 'coursecategories' as const, record })),
  ...data.courses.map((record) => ({ entity: 'courses' as const, record })),
  ...data.roles.map((record) => ({ entity: 'roles' as const, record })),
  ...[...data.staffUsers, ...data.moodleUsers()].map((record) => ({ entity: 'users' as const, record })),
  { entity: 'shops', record: data.shop },
  ...data.taxes.map((record) => ({ entity: 'taxes' as const, record })),
  ...data.catalogs.map((record) => ({ entity: 'catalogs' as const, record })),
  ...data.categories.map((record) => ({ entity: 'categories' as const, record })),
  ...data.catalogItems.map((record) => ({ entity: 'catalogitems' as const, record })),
  ...[...data.customers()].map((record) => ({ entity: 'customers' as const, record })),
  ...[...data.bills()].map((record) => ({ entity: 'bills' as const, record })),
  ...[...data.products()].map((record) => ({ entity: 'products' as const, record })),
  ...[...data.productEvents()].map((record) => ({ entity: 'productevents' as const, record })),
];

async function readAll(file: string): Promise<{ header: DemoFileHeader | undefined; records: { entity: string; record: unknown }[] }> {
  let header: DemoFileHeader | undefined;
  const records: { entity: string; record: unknown }[] = [];
  for await (const line of readDemoFile(file)) {
    if ('entity' in line) records.push(line);
    else header = line;
  }
  return { header, records };
}

let dir = '';
let file = '';
let written: DemoFileWritten;
let lines: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-file-'));
  file = join(dir, 'demo.jsonl');
  written = await writeDemoFile(data, file);
  lines = (await readFile(file, 'utf8')).split('\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeDemoFile then readDemoFile', () => {
  it('gives back every record of createDemoData, in file order, equal field for field', async () => {
    const { header, records } = await readAll(file);
    expect(header).toEqual({ format: DEMO_FILE_FORMAT, version: 1, seed: 3, now: data.now, counts: written.counts });
    expect(records.length).toBe(expected.length);
    for (const [index, record] of records.entries()) expect(record, `record ${index + 1}`).toEqual(expected[index]);
  });

  it('counts every entity in the header, in the file order, as the records come', () => {
    const counts = Object.fromEntries(DEMO_ENTITIES.map((entity) => [entity, expected.filter((line) => line.entity === entity).length]));
    expect(Object.keys(written.counts)).toEqual([...DEMO_ENTITIES]);
    expect(written.counts).toEqual(counts);
    expect(written.counts.bills).toBe(300);
    expect(written.counts.users).toBe(data.staffUsers.length + [...data.customers()].filter((c) => c.hasaccount !== 0).length);
    // Every section has something in it, or an importer's test would pass over an empty one unseen.
    for (const entity of DEMO_ENTITIES) expect(written.counts[entity], entity).toBeGreaterThan(0);
  });

  it('writes one JSON object a line, ending with a newline, the header first, and no temporary file left', async () => {
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 1).toBe(1 + expected.length);
    expect(lines[0]).toBe(JSON.stringify({ format: DEMO_FILE_FORMAT, version: 1, seed: 3, now: data.now, counts: written.counts }));
    expect(lines[1]).toBe(JSON.stringify({ entity: 'coursecategories', record: data.courseCategories[0] }));
    expect(written.bytes).toBe(Buffer.byteLength(lines.join('\n')));
    expect(await readdir(dir)).toEqual(['demo.jsonl']);
  });

  it('is the same file byte for byte when written again', async () => {
    const again = join(dir, 'again.jsonl');
    await writeDemoFile(createDemoData(OPTIONS), again);
    expect(await readFile(again, 'utf8')).toBe(lines.join('\n'));
    await rm(again);
  });

  it('fails on an unwritable path and leaves nothing behind', async () => {
    await expect(writeDemoFile(data, join(dir, 'missing', 'demo.jsonl'))).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual(['demo.jsonl']);
  });
});

describe('readDemoFile on a damaged file', () => {
  const damaged = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  const drain = async (path: string) => {
    for await (const _line of readDemoFile(path));
  };

  it('names the line of a garbled record', async () => {
    const copy = [...lines];
    const at = lines.findIndex((line) => line.startsWith('{"entity":"bills"')) + 5;
    copy[at] = copy[at]!.slice(0, 80);
    await expect(drain(await damaged('garbled.jsonl', copy.join('\n')))).rejects.toThrow(`garbled.jsonl:${at + 1}: not a JSON line`);
  });

  it('names the last line of a file cut in the middle of a line', async () => {
    const lineNumber = lines.findIndex((line) => line.startsWith('{"entity":"products"')) + 1;
    const cut = `${lines.slice(0, lineNumber - 1).join('\n')}\n${lines[lineNumber - 1]!.slice(0, 50)}`;
    await expect(drain(await damaged('cut.jsonl', cut))).rejects.toThrow(`cut.jsonl:${lineNumber}: not a JSON line`);
  });

  it('finds a file cut between two lines short of the counts in its header', async () => {
    const kept = lines.slice(0, lines.length - 11);
    await expect(drain(await damaged('short.jsonl', `${kept.join('\n')}\n`))).rejects.toThrow(
      `short.jsonl:${kept.length}: the file ends with ${written.counts.productevents - 10} productevents where the header announces ${written.counts.productevents}`,
    );
  });

  it('refuses another format or version on line 1, and entities out of order', async () => {
    const other = lines[0]!.replace(DEMO_FILE_FORMAT, 'something-else');
    await expect(drain(await damaged('format.jsonl', [other, ...lines.slice(1)].join('\n')))).rejects.toThrow(
      'format.jsonl:1: not a demo data file',
    );
    const v2 = lines[0]!.replace('"version":1', '"version":2');
    await expect(drain(await damaged('v2.jsonl', [v2, ...lines.slice(1)].join('\n')))).rejects.toThrow('v2.jsonl:1: unsupported version 2');
    const swapped = [...lines];
    const firstRole = lines.findIndex((line) => line.startsWith('{"entity":"roles"'));
    [swapped[firstRole - 1], swapped[firstRole]] = [swapped[firstRole]!, swapped[firstRole - 1]!];
    await expect(drain(await damaged('order.jsonl', swapped.join('\n')))).rejects.toThrow(
      `order.jsonl:${firstRole + 1}: courses after roles: entities out of order`,
    );
  });
});

describe('npm run demo-data', () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('write-demo-file.ts', import.meta.url)), ...args]);

  it('writes the file and prints its name, size and counts on one line', async () => {
    const out = join(dir, 'cli.jsonl');
    const { stdout } = await cli('--out', out, '--bills', '20', '--seed', '3');
    const printed = JSON.parse(stdout) as DemoFileWritten;
    expect(printed).toEqual({ file: out, bytes: expect.any(Number), counts: expect.objectContaining({ bills: 20 }) });
    expect(printed.bytes).toBe((await readFile(out)).length);
    await rm(out);
  });

  it('exits non-zero with a message on a bad argument', async () => {
    await expect(cli('--out', join(dir, 'x.jsonl'), '--bills', 'many')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--bills must be a whole number'),
    });
    await expect(cli('--bills', '10')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--out is required') });
  });
});
