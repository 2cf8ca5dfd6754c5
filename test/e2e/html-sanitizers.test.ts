import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeHtml as sanitizeInCore } from '../../main/catalogs/sanitize-html';
import { HTML_TAGS, htmlAttributesOf } from '../../shared/catalogs/html-policy';
import { launchChromium } from '../support/chromium';
import {
  MALFORMED_HTML,
  ORDINARY_HTML,
  REGRESSION_CASES,
  SAFE_URL_PROTOCOLS,
  STABLE_CASES,
  UNCLOSED_TAGS,
  XSS_VECTORS,
} from '../support/html-sanitizer-cases';

/**
 * Both catalog-HTML sanitizers judged by a real browser. The window's (DOMPurify,
 * renderer/src/workspaces/catalogs/sanitize-html.ts) is bundled as the renderer ships it and run in Chromium;
 * the core's (sanitize-html) runs here and its output is handed to the same page. Each output is put in the
 * page with innerHTML, as React's dangerouslySetInnerHTML does, on a page without the app's CSP, so that a
 * handler that survives would run: alert is a counter that must stay at 0. Then what Chromium built from it is
 * walked: only allowed elements, in the HTML namespace, with allowed attributes, links to http(s) or mailto.
 */

let browser: Browser;
let page: Page;

interface Verdict {
  problems: string[];
  html: string;
}

/** Runs in the page (plain JavaScript, so that nothing the test runner compiles reaches it). */
const PAGE_SCRIPT = `
window.__name = (target) => target;
window.alerts = 0;
window.alert = () => { window.alerts += 1; };
window.judge = (html, policy) => {
  const box = document.createElement('div');
  document.body.append(box);
  box.innerHTML = html;
  const problems = [];
  for (const el of box.querySelectorAll('*')) {
    const tag = el.localName;
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push('namespace ' + el.namespaceURI + ' ' + tag);
    if (!(tag in policy.attributes)) problems.push('tag ' + tag);
    for (const attr of el.attributes) {
      const allowed = policy.attributes[tag] || [];
      if (!allowed.includes(attr.name) && !(tag === 'a' && attr.name === 'rel')) problems.push(tag + '[' + attr.name + ']');
      if (attr.name === 'href') {
        let protocol = 'unparsable:';
        try { protocol = new URL(attr.value, 'https://shop.example/').protocol; } catch {}
        if (!policy.protocols.includes(protocol)) problems.push('href ' + protocol + ' ' + JSON.stringify(attr.value));
      }
    }
  }
  return { problems, html: box.innerHTML };
};
`;

const POLICY = {
  attributes: Object.fromEntries(HTML_TAGS.map((tag) => [tag, [...htmlAttributesOf(tag)]])),
  protocols: SAFE_URL_PROTOCOLS,
};

async function sanitizeInWindow(inputs: readonly string[]): Promise<string[]> {
  return page.evaluate((list) => list.map((html) => (window as unknown as Sanitizer).Sanitizer.sanitizeHtml(html)), inputs);
}
interface Sanitizer {
  Sanitizer: { sanitizeHtml(html: string): string };
}

async function judge(outputs: readonly string[]): Promise<Verdict[]> {
  return page.evaluate(
    ({ list, policy }) => list.map((html) => (window as unknown as { judge(html: string, policy: unknown): Verdict }).judge(html, policy)),
    { list: outputs, policy: POLICY },
  );
}

/** alert's count once every image put in the page so far has failed to load and run its handlers. */
async function alertsAfterHandlers(): Promise<number> {
  await page.evaluate(`(async () => {
    const img = new Image();
    await new Promise((done) => { img.onerror = done; img.src = 'x'; document.body.append(img); });
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
  })()`);
  return page.evaluate(() => (window as unknown as { alerts: number }).alerts);
}

beforeAll(async () => {
  // The window's module bundled as Vite bundles it for the renderer: the same source, DOMPurify's browser build.
  const bundle = await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../renderer/src/workspaces/catalogs/sanitize-html.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Sanitizer',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: PAGE_SCRIPT });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
});
afterAll(async () => {
  await browser?.close();
});

describe('the window’s sanitizer (DOMPurify) in Chromium', () => {
  it('keeps the allowed formatting and drops scripts, handlers and unsafe links (the former assertions)', async () => {
    const outputs = await sanitizeInWindow(REGRESSION_CASES.map(([input]) => input));
    expect(outputs).toEqual(REGRESSION_CASES.map(([, output]) => output));
  });

  it('is stable: sanitizing twice changes nothing', async () => {
    const inputs = [...STABLE_CASES, ...ORDINARY_HTML, ...XSS_VECTORS];
    const once = await sanitizeInWindow(inputs);
    expect(await sanitizeInWindow(once)).toEqual(once);
  });

  it('leaves nothing that runs from the known XSS and mutation-XSS vectors', async () => {
    const outputs = await sanitizeInWindow(XSS_VECTORS);
    const verdicts = await judge(outputs);
    expect(verdicts.flatMap((v, i) => (v.problems.length > 0 ? [{ vector: XSS_VECTORS[i], output: outputs[i], ...v }] : []))).toEqual([]);
    expect(await alertsAfterHandlers()).toBe(0);
  });

  it('gets through malformed HTML without throwing, and in linear time', async () => {
    const verdicts = await judge(await sanitizeInWindow(MALFORMED_HTML));
    expect(verdicts.flatMap((v) => v.problems)).toEqual([]);
    const elapsed = await page.evaluate((html) => {
      const started = performance.now();
      (window as unknown as Sanitizer).Sanitizer.sanitizeHtml(html);
      return performance.now() - started;
    }, UNCLOSED_TAGS);
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe('the core’s sanitizer (sanitize-html), its output read by Chromium', () => {
  it('leaves nothing that runs from the known XSS and mutation-XSS vectors', async () => {
    const outputs = XSS_VECTORS.map((html) => sanitizeInCore(html));
    const verdicts = await judge(outputs);
    expect(verdicts.flatMap((v, i) => (v.problems.length > 0 ? [{ vector: XSS_VECTORS[i], output: outputs[i], ...v }] : []))).toEqual([]);
    expect(await alertsAfterHandlers()).toBe(0);
  });

  it('gives the page the window previewed: both sanitizers agree on what the shop’s descriptions hold', async () => {
    const inputs = [...REGRESSION_CASES.map(([input]) => input), ...STABLE_CASES, ...ORDINARY_HTML];
    const fromCore = await judge(inputs.map((html) => sanitizeInCore(html)));
    const fromWindow = await judge(await sanitizeInWindow(inputs));
    expect(fromCore.map((v) => v.html)).toEqual(fromWindow.map((v) => v.html));
  });
});

describe('the check itself', () => {
  it('catches a handler, a foreign element and an unsafe link, and counts an alert that runs', async () => {
    const [img, svg, link] = await judge([
      '<img src=x onerror=alert(1)>',
      '<svg><p>x</p></svg>',
      '<a href="java&#x09;script:alert(1)">x</a>',
    ]);
    expect(img!.problems).toEqual(['tag img', 'img[src]', 'img[onerror]']);
    expect(svg!.problems).toContain('namespace http://www.w3.org/2000/svg svg');
    expect(link!.problems).toEqual(['href javascript: "java\\tscript:alert(1)"']);
    expect(await alertsAfterHandlers()).toBe(1);
    await page.evaluate(() => ((window as unknown as { alerts: number }).alerts = 0));
  });
});
