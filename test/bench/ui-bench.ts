import { syntheticBillsProfile } from './synthetic-bills-profile';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startBrowserMode } from '../../main/browser-mode/start-browser-mode';
import { launchChromium } from '../support/chromium';
import { report } from './measure';

/**
 * Issue "Bills and customers workspace": the Bills screen over a cache of N bills (1,000,000 by default for
 * this suite), in Chromium through Playwright: first paint of rows, a sort click and a search keystroke to
 * rows painted (timed in the page, from the input event to the frame painting the rows), and frame times
 * while scrolling: the headline at 1,200 px a frame (the scrollbar's thumb dragged), then a wheel's speeds, and
 * how long the rows take to show once a racing scroll stops (none is drawn meanwhile: virtual-grid.tsx).
 * The cache is the synthetic one of measure-queries.ts (synthetic-bills-profile.ts).
 */
export async function uiBench(requested: number): Promise<void> {
  const bills = requested === 100_000 ? 1_000_000 : requested;
  const { dataDir } = await syntheticBillsProfile(bills, 'bo-bench-ui-');

  const app = await startBrowserMode({ dataDir, autoSync: false });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' })).newPage();
    await page.goto(app.transport.launchUrl);
    await page.getByRole('navigation').waitFor();
    const started = performance.now();
    await page.getByRole('navigation').getByRole('link', { name: 'Bills', exact: true }).click();
    await firstRow(page).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('[role=grid] .grid-placeholder'), undefined, {
      polling: 'raf',
      timeout: 60_000,
    });
    const firstPaint = performance.now() - started;
    await recordInputs(page);

    const sortTimes: number[] = [];
    wallClock = [];
    for (const column of [
      'Amount',
      'Customer',
      'Issued',
      'Title',
      'Amount',
      'Customer',
      'Issued',
      'Title',
      'Amount',
      'Customer',
      'Issued',
    ]) {
      sortTimes.push(
        await timeToRepaint(
          page,
          () =>
            page
              .getByRole('grid')
              .getByRole('columnheader', { name: new RegExp(`^${column}`) })
              .first()
              .getByRole('button')
              .first()
              .click(),
          `sort by ${column}`,
        ),
      );
    }
    const sortWall = wallClock;
    wallClock = [];
    const search = page.getByRole('searchbox').first();
    const keyTimes: number[] = [];
    // Whole words one after another, each a different first row: the time of the last keystroke's effect.
    for (const text of ['martin', 'lefevre', 'dubois', 'moreau', 'girard', 'mercier', 'faure', 'rousseau', 'bonnet', 'fournier', 'morel']) {
      keyTimes.push(await timeToRepaint(page, () => search.fill(text), `search ${text}`));
    }
    const keyWall = wallClock;
    await timeToRepaint(page, () => search.fill(''), 'clear the search');
    // Frame times while scrolling, at three speeds: a wheel (100 px a frame, 6,000 px/s), a fast wheel (300), and
    // the scrollbar's thumb dragged (1,200 px a frame, 72,000 px/s: the whole screen is new every frame).
    const scroll = (step: number) =>
      page.evaluate(async (step) => {
        const grid = document.querySelector('[role=grid]') as HTMLElement;
        const deltas: number[] = [];
        let last = performance.now();
        for (let i = 0; i < 180; i += 1) {
          grid.scrollTop += step;
          await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
          const now = performance.now();
          deltas.push(now - last);
          last = now;
        }
        return deltas;
      }, step);
    const wheel = await scroll(100);
    const fastWheel = await scroll(300);
    const frames = await scroll(1200);
    // Once the thumb is let go: how long until the rows on screen show their bills.
    const settled = await page.evaluate(async () => {
      const started = performance.now();
      for (;;) {
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        const rows = document.querySelectorAll('[role=grid] .grid-body [role=row]');
        if (rows.length > 0 && !document.querySelector('[role=grid] .grid-placeholder')) return performance.now() - started;
        if (performance.now() - started > 10_000) return Number.NaN;
      }
    });
    const frameFigures = (deltas: number[]) => `${median(deltas)} / ${p95(deltas)} / ${Math.round(Math.max(...deltas))}`;
    report(`Bills screen over ${bills.toLocaleString('en')} cached bills (Chromium, Playwright)`, [
      ['first rows painted (ms)', Math.round(firstPaint)],
      ['sort click → rows painted, median / p95 (ms)', `${median(sortTimes)} / ${p95(sortTimes)}`],
      ['search keystroke → rows painted, median / p95 (ms)', `${median(keyTimes)} / ${p95(keyTimes)}`],
      ['  the same two from Playwright (incl. its click checks, round trips)', `${median(sortWall)} / ${median(keyWall)}`],
      ['scrolling frame time, median / p95 / max (ms)', frameFigures(frames)],
      ['  at 100 px a frame (a wheel)', frameFigures(wheel)],
      ['  at 300 px a frame (a fast wheel)', frameFigures(fastWheel)],
      ['rows shown once the racing scroll stops (ms)', Math.round(settled)],
    ]);
  } finally {
    await browser.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const firstRow = (page: Page) => page.locator('[role=grid] [role=rowgroup].grid-body [role=row]').first();

/**
 * Time from the operator's input to the frame that paints the new rows, measured in the page: from the input
 * event's timestamp (the click, or the search box's input event) to the animation frame in which the first
 * body row first shows other text with no placeholder left. Playwright's own overhead (its actionability
 * checks before a click, its round trips) is outside this span, as it is outside what an operator feels.
 */
async function timeToRepaint(page: Page, action: () => Promise<unknown>, label = ''): Promise<number> {
  const before = await firstRow(page).textContent();
  const painted = page.evaluate(
    (previous) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const check = (frame: number) => {
          const row = document.querySelector('[role=grid] .grid-body [role=row]');
          const input = (window as unknown as { lastInputAt?: number }).lastInputAt;
          if (
            row !== null &&
            row.textContent !== previous &&
            !document.querySelector('[role=grid] .grid-placeholder') &&
            input !== undefined
          ) {
            resolve(frame - input);
          } else if (performance.now() - started > 30_000) {
            reject(new Error('rows did not change within 30 s'));
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      }),
    before,
  );
  const started = performance.now();
  await action();
  const inPage = await painted.catch((error: unknown) => {
    throw new Error(`${label}: ${(error as Error).message}`);
  });
  wallClock.push(performance.now() - started);
  return inPage;
}

/** The same spans seen from Playwright's side, for comparison with figures measured that way before. */
let wallClock: number[] = [];

/** Records the timestamp of every click and input event, as the start of what the operator waits for. */
async function recordInputs(page: Page): Promise<void> {
  // tsx compiles named functions with esbuild's keepNames, whose __name helper the page does not have.
  await page.evaluate('window.__name = (target) => target');
  await page.evaluate(() => {
    const record = (event: Event) => {
      (window as unknown as { lastInputAt?: number }).lastInputAt = event.timeStamp;
    };
    for (const type of ['click', 'input']) document.addEventListener(type, record, { capture: true });
  });
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => Math.round(sorted(values)[Math.floor(values.length / 2)]!);
const p95 = (values: number[]) => Math.round(sorted(values)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!);
