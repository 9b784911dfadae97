/**
 * npm run release -- DIR [--config FILE] [--lang ko]
 *
 * Writes the student repository to DIR: notebooks (stubbed, no outputs), exercise stubs, the
 * library, the public graders, the grading/notebook/book tools, package.json + lock, README and
 * the GitHub Classroom workflow. Refuses a DIR that is neither empty nor a previous release, and
 * any leak of solutions or hidden tests. Exit 0 on success, 1 otherwise.
 */
import { Command } from 'commander';
import { COURSE_CONFIG_FILE } from '../grade/config';
import { LANGS, parseLang, type Lang } from '../grade/i18n/lang';
import { shownPath } from '../shared/root';
import { seconds } from '../shared/time';
import { release } from './release';

function main(argv: string[]): number {
  const program = new Command()
    .name('release')
    .description('Write the student repository to DIR.')
    .argument('<dir>', 'the folder to write (missing, empty, or a previous release)')
    .option('--config <file>', `the instructor's points and due dates (default: ${COURSE_CONFIG_FILE} in the kit)`)
    .option('--lang <lang>', `the students' language, ${LANGS.join(' or ')}: README, notebooks, stubs' comments, grading and CI (default: the config's "language", else en)`, (v: string) => parseLang(v, '--lang'))
    .showHelpAfterError();
  program.parse(argv);
  const options = program.opts<{ config?: string; lang?: Lang }>();
  const summary = release(program.args[0], { config: options.config, lang: options.lang });
  const shown = shownPath(summary.dir);
  const total = Object.values(summary.points).reduce((s, p) => s + p, 0);
  process.stdout.write(
    `released ${summary.files} files to ${shown} ` +
      `(${summary.written} written, ${summary.removed} removed, package-lock.json ${summary.lockfile}) in ${seconds(summary.ms)}\n` +
      `points: ${Object.entries(summary.points).map(([e, p]) => `${e} ${p}`).join(', ')} (total ${Math.round(total * 100) / 100})\n` +
      `next: cd ${shown} && npm install && npm test   (the stubs score 0)\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message.startsWith('release:') ? message : `release: ${message}`}\n`);
  process.exitCode = 1;
}
