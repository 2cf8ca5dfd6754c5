import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type {
  BillRecord,
  CatalogItemRecord,
  CatalogRecord,
  CategoryRecord,
  CustomerRecord,
  ProductEventRecord,
  ProductRecord,
  ShopRecord,
  TaxRecord,
} from '../lib/shop/structures';
import type { DemoData } from './index';
import type { MoodleCourse, MoodleCourseCategory, MoodleRole, MoodleUser } from './moodle-site';

/**
 * The demo data as a file, for the PHP plugin's CLI importer (local_shopbackoffice) to load into a real
 * Moodle: JSON Lines, a header then one record a line, dependencies first (docs/demo-data-file.md).
 * A line format rather than one JSON document so that neither side ever holds 100,000 bills at once: PHP
 * reads it with fgets + json_decode, this side writes it from the generators through a stream.
 */

export const DEMO_FILE_FORMAT = 'local_shopbackoffice-demo';
export const DEMO_FILE_VERSION = 1;

/** The file's sections, in the order an importer can insert them without forward references. */
export const DEMO_ENTITIES = [
  'coursecategories',
  'courses',
  'roles',
  'users',
  'shops',
  'taxes',
  'catalogs',
  'categories',
  'catalogitems',
  'customers',
  'bills',
  'products',
  'productevents',
] as const;

export type DemoEntity = (typeof DEMO_ENTITIES)[number];

interface DemoRecordTypes {
  coursecategories: MoodleCourseCategory;
  courses: MoodleCourse;
  roles: MoodleRole;
  users: MoodleUser;
  shops: ShopRecord;
  taxes: TaxRecord;
  catalogs: CatalogRecord;
  categories: CategoryRecord;
  catalogitems: CatalogItemRecord;
  customers: CustomerRecord;
  bills: BillRecord;
  products: ProductRecord;
  productevents: ProductEventRecord;
}

export type DemoFileRecord = { [E in DemoEntity]: { entity: E; record: DemoRecordTypes[E] } }[DemoEntity];

export interface DemoFileHeader {
  format: typeof DEMO_FILE_FORMAT;
  version: typeof DEMO_FILE_VERSION;
  seed: number;
  now: number;
  counts: Record<DemoEntity, number>;
}

export interface DemoFileWritten {
  file: string;
  bytes: number;
  counts: Record<DemoEntity, number>;
}

type Sections = { [E in DemoEntity]: () => Iterable<DemoRecordTypes[E]> };

function sectionsOf(data: DemoData): Sections {
  return {
    coursecategories: () => data.courseCategories,
    courses: () => data.courses,
    roles: () => data.roles,
    // The admin (user 2) is not listed: every Moodle has its own, and the records name it as 2.
    users: function* () {
      yield* data.staffUsers;
      yield* data.moodleUsers();
    },
    shops: () => [data.shop],
    taxes: () => data.taxes,
    catalogs: () => data.catalogs,
    categories: () => data.categories,
    catalogitems: () => data.catalogItems,
    customers: () => data.customers(),
    bills: () => data.bills(),
    products: () => data.products(),
    productevents: () => data.productEvents(),
  };
}

/** Every record of the demo data in file order, one at a time (the generators keep memory flat). */
export function* demoFileRecords(data: DemoData): Generator<DemoFileRecord> {
  const sections = sectionsOf(data);
  for (const entity of DEMO_ENTITIES) {
    for (const record of sections[entity]()) yield { entity, record } as DemoFileRecord;
  }
}

function zeroCounts(): Record<DemoEntity, number> {
  return Object.fromEntries(DEMO_ENTITIES.map((entity) => [entity, 0])) as Record<DemoEntity, number>;
}

/** Lines joined into chunks of about this size: one write per line would spend more time in the stream than in JSON. */
const CHUNK_CHARS = 1 << 16;

function* recordChunks(data: DemoData, counts: Record<DemoEntity, number>): Generator<string> {
  let chunk = '';
  for (const line of demoFileRecords(data)) {
    counts[line.entity] += 1;
    chunk += `${JSON.stringify(line)}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * Writes `data` to `file`. The header comes first but holds the counts, and products and their events are only
 * counted by walking every bill; so the records go to a side file first, counted on the way, then the header
 * and that side file are copied into `<file>.part`, renamed to `file` once complete and flushed. Copying a
 * file is far cheaper than walking the bills a second time; the cost is twice the file's size on disk for a
 * moment. A crash leaves at most the two temporary files, never a half file under the final name.
 */
export async function writeDemoFile(data: DemoData, file: string): Promise<DemoFileWritten> {
  const part = `${file}.part`;
  const body = `${file}.records.part`;
  const counts = zeroCounts();
  try {
    // Readable.from pulls the next chunk only when the file stream asks: backpressure, so memory stays flat.
    await pipeline(Readable.from(recordChunks(data, counts)), createWriteStream(body));
    const header: DemoFileHeader = { format: DEMO_FILE_FORMAT, version: DEMO_FILE_VERSION, seed: data.seed, now: data.now, counts };
    await pipeline(
      async function* () {
        yield `${JSON.stringify(header)}\n`;
        yield* createReadStream(body);
      },
      // flush: fsync before close, so the rename below never publishes a file whose bytes are not on disk.
      createWriteStream(part, { flush: true }),
    );
    await rename(part, file);
  } finally {
    await rm(body, { force: true });
    await rm(part, { force: true });
  }
  return { file, bytes: (await stat(file)).size, counts };
}

/** A file that is not a readable demo data file; `line` is 1-based (0: the file as a whole). */
export class DemoFileError extends Error {
  readonly code = 'demo_file_invalid';
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${reason}` : `${file}: ${reason}`);
    this.name = 'DemoFileError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseLine(file: string, line: number, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new DemoFileError(file, line, `not a JSON line (${why}); the file may be truncated or damaged`);
  }
  if (!isObject(value)) throw new DemoFileError(file, line, 'not a JSON object');
  return value;
}

function parseHeader(file: string, text: string): DemoFileHeader {
  const header = parseLine(file, 1, text);
  if (header['format'] !== DEMO_FILE_FORMAT) {
    throw new DemoFileError(file, 1, `not a demo data file: format ${JSON.stringify(header['format'])}, expected "${DEMO_FILE_FORMAT}"`);
  }
  if (header['version'] !== DEMO_FILE_VERSION) {
    throw new DemoFileError(
      file,
      1,
      `unsupported version ${JSON.stringify(header['version'])}: this reader knows version ${DEMO_FILE_VERSION}`,
    );
  }
  const counts = header['counts'];
  if (!Number.isSafeInteger(header['seed']) || !Number.isSafeInteger(header['now']) || !isObject(counts)) {
    throw new DemoFileError(file, 1, 'header without integer seed and now, or without counts');
  }
  for (const entity of DEMO_ENTITIES) {
    const count = counts[entity];
    if (!Number.isSafeInteger(count) || (count as number) < 0) throw new DemoFileError(file, 1, `header without a count of ${entity}`);
  }
  return header as unknown as DemoFileHeader;
}

/**
 * Reads a demo data file back: the header, then every record in file order, one line at a time. Checks what
 * an importer relies on, naming the line: the header's format and version, that each line is a JSON object
 * with a known entity and a record, that entities come in the file's order, and at the end that each entity
 * has as many records as the header announced (a file cut between two lines would otherwise look complete).
 * Records are not checked field by field: they are the generator's, read back as they were written.
 */
export async function* readDemoFile(file: string): AsyncGenerator<DemoFileHeader | DemoFileRecord> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let header: DemoFileHeader | undefined;
  const seen = zeroCounts();
  let section = 0;
  try {
    for await (const text of lines) {
      lineNumber += 1;
      if (!header) {
        header = parseHeader(file, text);
        yield header;
        continue;
      }
      const line = parseLine(file, lineNumber, text);
      const entity = line['entity'];
      const at = DEMO_ENTITIES.indexOf(entity as DemoEntity);
      if (at < 0) throw new DemoFileError(file, lineNumber, `unknown entity ${JSON.stringify(entity)}`);
      if (!isObject(line['record'])) throw new DemoFileError(file, lineNumber, `${String(entity)} line without a record object`);
      if (at < section) {
        throw new DemoFileError(file, lineNumber, `${String(entity)} after ${DEMO_ENTITIES[section]}: entities out of order`);
      }
      section = at;
      const name = entity as DemoEntity;
      seen[name] += 1;
      if (seen[name] > header.counts[name]) {
        throw new DemoFileError(file, lineNumber, `more ${name} than the ${header.counts[name]} the header announces`);
      }
      yield line as unknown as DemoFileRecord;
    }
  } finally {
    // A reader that stops early (a test's break, an error) must not leave the file open.
    lines.close();
    input.destroy();
  }
  if (!header) throw new DemoFileError(file, 0, 'empty file: no header');
  for (const entity of DEMO_ENTITIES) {
    if (seen[entity] !== header.counts[entity]) {
      throw new DemoFileError(
        file,
        lineNumber,
        `the file ends with ${seen[entity]} ${entity} where the header announces ${header.counts[entity]}: it is truncated`,
      );
    }
  }
}
