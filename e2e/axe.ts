/**
 * Accessibility checks in the browser tests (issue 13): axe-core, injected into the page as it is
 * shipped (node_modules/axe-core/axe.min.js), run against WCAG 2.0 A/AA and WCAG 2.1 AA.
 * `expectNoSeriousViolations` fails naming each serious or critical violation: its rule, its help
 * text and the nodes it was found on, so that a failure says what to fix without a rerun.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
const source = () => {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
};

export type AxeNode = { target: string[]; html: string; failureSummary?: string };
export type AxeViolation = {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
};

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** Runs axe-core over the page as it is now (or under `include`, a CSS selector); returns every violation. */
export async function axeViolations(page: Page, options: { include?: string } = {}): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Writ's Content-Security-Policy (script-src 'self') refuses an inline <script> (addScriptTag), so
  // the source is evaluated over the DevTools protocol instead, which the page's CSP does not govern.
  if (!present) await page.evaluate(source());
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
      const result = (await axe.run(include ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })) as {
        violations: {
          id: string;
          impact: AxeViolation['impact'];
          help: string;
          helpUrl: string;
          nodes: { target: unknown[]; html: string; failureSummary?: string }[];
        }[];
      };
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
      }));
    },
    { tags: [...axeTags], include: options.include ?? null },
  );
}

/** Only the violations that block or seriously hinder someone: serious and critical. */
export function seriousOrCritical(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Each violation in a line, with its nodes below it (target, the start of its HTML). */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => `    - ${n.target.join(' ')}: ${n.html.replace(/\s+/g, ' ').slice(0, 160)}`)
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** Fails, listing them, when axe finds a serious or critical violation on the page (`label` names the page). */
export async function expectNoSeriousViolations(page: Page, label: string, options: { include?: string } = {}): Promise<void> {
  const found = seriousOrCritical(await axeViolations(page, options));
  if (found.length > 0) {
    throw new Error(
      `axe-core: ${found.length} serious or critical violation(s) on ${label} (${page.url()}):\n${describeViolations(found)}`,
    );
  }
}
