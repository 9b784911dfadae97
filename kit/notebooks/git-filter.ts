/**
 * Keeps executed notebooks out of a student's commits: a git "clean" filter that stages every
 * `.ipynb` without its outputs and execution counts (nbstripout's idea), while the notebook on
 * disk keeps them. The student repository's `.gitattributes` says `*.ipynb filter=descent-notebooks`
 * and its `npm install` runs `install` (the `prepare` script), which configures the filter in the
 * repository's own .git/config with absolute paths to this Node and tsx.
 *
 *   tsx kit/notebooks/git-filter.ts install   configure the filter here (outside a git repository: says so, exits 0)
 *   tsx kit/notebooks/git-filter.ts clean     stdin (a notebook) → stdout (without outputs); not JSON: unchanged
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { INotebookContent } from '@jupyterlab/nbformat';
import { stripNotebook } from './notebook';
import { ROOT } from './resolve';

/** The filter's name in .gitattributes and .git/config. */
export const FILTER_NAME = 'descent-notebooks';
/** The .gitattributes line that applies it. */
export const GITATTRIBUTES_LINE = `*.ipynb filter=${FILTER_NAME}`;

export const TEXT = {
  installed: 'git: notebooks are committed without their outputs (filter "{name}" configured in .git/config; see README)',
  notRepository: 'not a git repository yet: run `npm run prepare` after `git init` to keep notebook outputs out of commits',
  failed: 'could not configure the notebook filter: {why}',
} as const;

/** A notebook's text as staged: no outputs, no execution counts, no execution timings. Anything that is not a notebook passes unchanged. */
export function cleanNotebookText(text: string): string {
  let nb: INotebookContent;
  try {
    nb = JSON.parse(text) as INotebookContent;
  } catch {
    return text;
  }
  if (nb === null || typeof nb !== 'object' || !Array.isArray(nb.cells)) return text;
  const stripped = stripNotebook(nb);
  stripped.cells = stripped.cells.map((cell) => {
    if (cell.metadata === undefined || !('execution' in cell.metadata)) return cell;
    const metadata = { ...cell.metadata };
    delete metadata.execution;
    return { ...cell, metadata };
  });
  return `${JSON.stringify(stripped, null, 1)}\n`;
}

/** The filter's clean command: this Node running tsx on this file, by absolute paths (forward slashes, for git's sh on Windows too). */
export function cleanCommand(): string {
  const quote = (p: string): string => `"${p.split('\\').join('/')}"`;
  const tsx = join(require.resolve('tsx/package.json', { paths: [ROOT] }), '..', 'dist', 'cli.mjs');
  return [quote(process.execPath), quote(tsx), quote(join(ROOT, 'kit', 'notebooks', 'git-filter.ts')), 'clean'].join(' ');
}

/** Configures the filter in the repository at `root`; false (with why) when it is not a git repository. */
export function installFilter(root: string = ROOT): { ok: true } | { ok: false; why: string } {
  const inside = spawnSync('git', ['-C', root, 'rev-parse', '--git-dir'], { encoding: 'utf8' });
  if (inside.error !== undefined || inside.status !== 0) return { ok: false, why: 'not a repository' };
  for (const [key, value] of [[`filter.${FILTER_NAME}.clean`, cleanCommand()], [`filter.${FILTER_NAME}.smudge`, 'cat']]) {
    const r = spawnSync('git', ['-C', root, 'config', key, value], { encoding: 'utf8' });
    if (r.status !== 0) return { ok: false, why: r.stderr.trim() || `git config exited ${r.status}` };
  }
  return { ok: true };
}

if (require.main === module) {
  const command = process.argv[2];
  if (command === 'clean') {
    process.stdout.write(cleanNotebookText(readFileSync(0, 'utf8')));
  } else if (command === 'install') {
    const done = installFilter();
    if (done.ok) console.log(TEXT.installed.replace('{name}', FILTER_NAME));
    else console.log(done.why === 'not a repository' ? TEXT.notRepository : TEXT.failed.replace('{why}', done.why));
  } else {
    console.error('usage: tsx kit/notebooks/git-filter.ts install | clean');
    process.exitCode = 1;
  }
}
