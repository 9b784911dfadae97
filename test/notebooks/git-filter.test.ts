/**
 * Executed notebooks never land in a student's commit by `git add -A`: the student repository's
 * .gitattributes names the filter, `npm install` (the `prepare` script) configures it, and git
 * stages every notebook without outputs while the file on disk keeps them.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanNotebookText, GITATTRIBUTES_LINE, installFilter } from '../../kit/notebooks/git-filter';
import { readNotebook } from '../../kit/notebooks/notebook';
import { NOTEBOOKS_DIR } from '../../kit/notebooks/resolve';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const temp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-filter-'));
  temps.push(d);
  return d;
};

const committed = readNotebook(path.join(NOTEBOOKS_DIR, '00-setup.ipynb'));
/** The setup chapter as Jupyter saves it after a run: outputs, counts and timings in every code cell. */
const executed = {
  ...committed,
  cells: committed.cells.map((c, i) =>
    c.cell_type === 'code'
      ? { ...c, execution_count: i + 1, metadata: { ...c.metadata, execution: { 'iopub.execute_input': '2026-01-01T00:00:00Z' } }, outputs: [{ output_type: 'stream', name: 'stdout', text: ['x'.repeat(10_000)] }] }
      : c,
  ),
};

describe('the notebook filter', () => {
  it('cleans: no outputs, counts or timings; a committed notebook stays byte for byte; anything else passes unchanged', () => {
    const cleaned = JSON.parse(cleanNotebookText(JSON.stringify(executed))) as typeof executed;
    for (const c of cleaned.cells.filter((x) => x.cell_type === 'code')) {
      expect([c.outputs, c.execution_count, (c.metadata as Record<string, unknown>).execution]).toEqual([[], null, undefined]);
    }
    const text = fs.readFileSync(path.join(NOTEBOOKS_DIR, '00-setup.ipynb'), 'utf8');
    expect(cleanNotebookText(text)).toBe(text);
    expect(cleanNotebookText('not json {')).toBe('not json {');
  });

  it('git add -A in a repository with the filter installed stages the notebook without outputs; the file keeps them', () => {
    const repo = temp();
    const git = (...args: string[]) => spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
    expect(installFilter(repo)).toEqual({ ok: false, why: 'not a repository' });
    expect(git('init', '-q').status).toBe(0);
    expect(installFilter(repo)).toEqual({ ok: true });
    fs.writeFileSync(path.join(repo, '.gitattributes'), `${GITATTRIBUTES_LINE}\n`);
    fs.mkdirSync(path.join(repo, 'notebooks'));
    const file = path.join(repo, 'notebooks', '00-setup.ipynb');
    fs.writeFileSync(file, `${JSON.stringify(executed, null, 1)}\n`);
    const add = git('add', '-A');
    expect(add.status, add.stderr).toBe(0);
    const staged = JSON.parse(git('show', ':notebooks/00-setup.ipynb').stdout) as typeof executed;
    expect(staged.cells.filter((c) => c.cell_type === 'code').every((c) => (c.outputs as unknown[]).length === 0 && c.execution_count === null)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toContain('x'.repeat(10_000));
    expect(git('status', '--porcelain').stdout).toBe('A  .gitattributes\nA  notebooks/00-setup.ipynb\n');
  }, 60_000);
});
