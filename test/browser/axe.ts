import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's serious and critical problems on a page or a frame, within `include` when given. Fluent UI's focus
 * manager (tabster) adds invisible focus guards, marked data-tabster-dummy, that are aria-hidden by design; axe
 * cannot tell them from real content, so they are left out of the scan.
 */
export async function seriousAxeProblems(target: Page | Frame, include?: string): Promise<string[]> {
  await target.addScriptTag({ path: axePath });
  return target.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }>;
        };
      }
    ).axe;
    const results = await axe.run({
      ...(within ? { include: [[within]] } : {}),
      exclude: [['[data-tabster-dummy]']],
    });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.html).join(' | ')}`,
      );
  }, include);
}
