import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract';
import { createActionRunner, IDLE, type ActionState } from './action-state';

/** A runner whose reports are kept, and a piece of work the test ends when it likes. */
function setUp() {
  const states: ActionState[] = [];
  const runner = createActionRunner((state) => states.push(state));
  let finish: (() => void) | undefined;
  let fail: ((error: unknown) => void) | undefined;
  const work = () =>
    new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  return { states, runner, work, finish: () => finish?.(), fail: (error: unknown) => fail?.(error) };
}

describe('an action the operator runs', () => {
  it('is busy while it runs and idle once it ended', async () => {
    const { states, runner, work, finish } = setUp();
    const ran = runner.run(work);
    expect(states).toEqual([{ busy: true, error: null }]);
    finish();
    await expect(ran).resolves.toBe(true);
    expect(states.at(-1)).toEqual(IDLE);
  });

  it("shows a refusal as the app's error shape, and does not throw it on", async () => {
    const { states, runner, work, fail } = setUp();
    const ran = runner.run(work);
    fail(new AppError('moodle_exception', 'The bill changed on the site', { billId: 4 }));
    await expect(ran).resolves.toBe(false);
    expect(states.at(-1)).toEqual({
      busy: false,
      error: { code: 'moodle_exception', message: 'The bill changed on the site', details: { billId: 4 } },
    });
  });

  it('shows anything else thrown as an internal error with its message', async () => {
    const { states, runner } = setUp();
    await runner.run(() => {
      throw new TypeError('x is undefined');
    });
    expect(states.at(-1)).toEqual({ busy: false, error: { code: 'internal', message: 'x is undefined' } });
  });

  it('keeps an error shape thrown by the work as it is (what a form could not put at a field)', async () => {
    const { states, runner } = setUp();
    const rest = { code: 'invalid_input', message: 'Le pays est inconnu', details: { field: 'country' } };
    await runner.run(() => Promise.reject(rest));
    expect(states.at(-1)?.error).toEqual(rest);
  });

  it('ignores a second run while one is under way, even within the same render', async () => {
    const { runner, work, finish } = setUp();
    let second = 0;
    const first = runner.run(work);
    await expect(
      runner.run(async () => {
        second += 1;
      }),
    ).resolves.toBe(false);
    finish();
    await first;
    expect(second).toBe(0);
    await runner.run(async () => {
      second += 1;
    });
    expect(second).toBe(1);
  });

  it('clears the last error when run again and when dismissed, but not while running', async () => {
    const { states, runner, work, finish } = setUp();
    await runner.run(() => Promise.reject(new Error('down')));
    runner.clear();
    expect(states.at(-1)).toEqual(IDLE);
    runner.fail(new Error('no file chosen'));
    expect(states.at(-1)?.error?.message).toBe('no file chosen');
    const ran = runner.run(work);
    expect(states.at(-1)).toEqual({ busy: true, error: null });
    runner.clear();
    runner.fail(new Error('ignored'));
    expect(states.at(-1)).toEqual({ busy: true, error: null });
    finish();
    await ran;
  });

  it('lets a later choice replace the run under way: the first is aborted and its end not shown', async () => {
    const { states, runner, work, fail } = setUp();
    let firstSignal: AbortSignal | undefined;
    const first = runner.replace((signal) => {
      firstSignal = signal;
      return work();
    });
    let secondSignal: AbortSignal | undefined;
    const second = runner.replace(async (signal) => {
      secondSignal = signal;
    });
    await expect(second).resolves.toBe(true);
    expect(firstSignal?.aborted).toBe(true);
    expect(secondSignal?.aborted).toBe(false);
    const shown = states.length;
    fail(new Error('the first file could not be read'));
    await expect(first).resolves.toBe(false);
    expect(states).toHaveLength(shown);
    expect(states.at(-1)).toEqual(IDLE);
  });

  it('reports nothing more of an abandoned run, and runs again afterwards', async () => {
    const { states, runner, work, finish } = setUp();
    let signal: AbortSignal | undefined;
    const ran = runner.run((s) => {
      signal = s;
      return work();
    });
    runner.abandon();
    expect(signal?.aborted).toBe(true);
    finish();
    // The work itself ended well (a dialog that closed itself once saved): the caller is told so.
    await expect(ran).resolves.toBe(true);
    expect(states).toEqual([{ busy: true, error: null }]);
    await expect(runner.run(async () => {})).resolves.toBe(true);
    expect(states.at(-1)).toEqual(IDLE);
  });
});
