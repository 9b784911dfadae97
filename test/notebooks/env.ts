/**
 * What the notebook tests need from the machine. Tests that need Jupyter or Chromium skip with a
 * message when they are missing locally; under CI (CI=true, where .ci/run installs them) a missing
 * tool fails instead, so CI can never pass by skipping.
 */
import { existsSync } from 'fs';
import { spawnSync } from 'child_process';
import type { TestContext } from 'vitest';

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const CHROMIUM = '/usr/bin/chromium';

/** Null when `python` imports all of `modules`, else why not. */
export function missingPython(modules: string[], python = SYSTEM_PYTHON): string | null {
  if (!existsSync(python)) return `${python} is not installed`;
  const r = spawnSync(python, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  return r.status === 0 ? null : `${python} cannot import ${modules.join(', ')} (apt-get install jupyter-nbconvert python3-nbclient jupyter-notebook)`;
}

export function missingChromium(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (apt-get install chromium)`;
}

/** Returns true when the test may run; logs why not otherwise; throws under CI. */
export function available(what: string, missing: string | null): boolean {
  if (missing === null) return true;
  if (IN_CI) throw new Error(`${what} cannot run under CI: ${missing}. .ci/run must install it.`);
  console.warn(`SKIPPED ${what}: ${missing}`);
  return false;
}

/**
 * Skips the running test, visibly and with the reason (vitest reports it as skipped with its note),
 * when `missing` says a tool is absent; under CI it fails instead. Call first thing in the test.
 */
export function requireTool(ctx: Pick<TestContext, 'skip'>, what: string, missing: string | null): void {
  if (available(what, missing)) return;
  ctx.skip(`${what}: ${missing}`);
}
