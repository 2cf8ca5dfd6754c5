import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * axe-core's serious and critical findings on the page as it is (axe runs in the page, outside its CSP), as
 * "rule (impact): targets" lines. `mustPass` names rules axe must have found something to check and passed:
 * an empty list of findings says nothing if axe checked nothing.
 */
export async function seriousViolations(page: Page, mustPass: string[]): Promise<string[]> {
  const source = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    type Result = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
    const results = await axe.run();
    return { found: results.violations, passed: results.passes.map((rule) => rule.id) };
  });
  expect(violations.passed).toEqual(expect.arrayContaining(mustPass));
  return violations.found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
