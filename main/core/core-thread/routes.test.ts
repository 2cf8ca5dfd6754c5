import { describe, expect, it } from 'vitest';
import { commands } from '../../../shared/contract';
import { isCancel, READER_COMMANDS, waitsForIndexBuild, WriteGate } from './routes';

describe('which thread answers what', () => {
  it('never holds a cancel or a list back behind an index build', () => {
    const names = Object.keys(commands);
    for (const name of names.filter((n) => /cancel/i.test(n))) {
      expect(isCancel(name), name).toBe(true);
      expect(waitsForIndexBuild(name), name).toBe(false);
    }
    // A cancel a domain adds later is one too, whatever its noun.
    expect(waitsForIndexBuild('lettering.cancelImport')).toBe(false);
    for (const name of READER_COMMANDS) expect(waitsForIndexBuild(name), name).toBe(false);
    // What writes the cache waits.
    for (const name of ['bills.transition', 'sync.start', 'sync.rebuildCache', 'catalogs.saveItem', 'lettering.import', 'production.run'])
      expect(waitsForIndexBuild(name), name).toBe(true);
    expect(isCancel('catalogs.cancelled')).toBe(false);
    // Every command the reader answers is a contract command.
    for (const name of READER_COMMANDS) expect(names).toContain(name);
  });

  it('opens the write gate once every long job is over, whatever its outcome', async () => {
    const gate = new WriteGate();
    expect(gate.busy).toBe(false);
    let finish!: () => void;
    let fail!: (error: Error) => void;
    const one = gate.hold(new Promise<void>((resolve) => (finish = resolve)));
    const two = gate.hold(new Promise<void>((_resolve, reject) => (fail = reject)));
    two.catch(() => {});
    let opened = false;
    const idle = gate.idle().then(() => (opened = true));
    finish();
    await one;
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened).toBe(false);
    expect(gate.busy).toBe(true);
    fail(new Error('the build failed'));
    await idle;
    expect(gate.busy).toBe(false);
  });
});
