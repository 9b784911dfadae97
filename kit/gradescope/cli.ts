/**
 * npm run gradescope -- OUT.zip [--config course.config.json] [--lang ko]
 *
 * Writes the Gradescope autograder zip (build.ts): upload it as the assignment's autograder
 * ("Configure Autograder" → "Zip file upload"). Prints what it holds and its size.
 */
import { Command } from 'commander';
import { buildAutograder, LANGUAGES } from './build';
import { formatPoints } from '../grade/report/points';

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('gradescope')
    .description('Write the Gradescope autograder zip: setup.sh, run_autograder, the graders (public and hidden) and the grading core.')
    .argument('<out>', 'the zip to write, e.g. autograder.zip')
    .option('--config <file>', 'points, due dates and the "gradescope" settings (default: course.config.json)')
    .option('--lang <lang>', `language of the feedback (${LANGUAGES.join(', ')}; default: course.config.json's "language", else en)`)
    .showHelpAfterError();
  program.parse(argv);
  const o = program.opts<{ config?: string; lang?: string }>();
  const result = await buildAutograder({ out: program.args[0], config: o.config, lang: o.lang });
  const total = Object.values(result.points).reduce((s, p) => s + p, 0);
  process.stdout.write(
    `wrote ${result.out}: ${result.entries.length} files, ${(result.bytes / 1e6).toFixed(2)} MB (${result.bytes} bytes)\n` +
      `exercises: ${Object.entries(result.points).map(([e, p]) => `${e} ${formatPoints(p)}`).join(', ')} — ${formatPoints(total)} points\n` +
      `hidden checks: ${result.settings.hiddenVisibility}; hidden seed ${result.settings.seed}\n` +
      'Upload it on Gradescope: the assignment → Configure Autograder → Zip file upload (Ubuntu base image).\n',
  );
  return 0;
}

if (require.main === module) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${message.startsWith('gradescope:') ? message : `gradescope: ${message}`}\n`);
      process.exitCode = 1;
    },
  );
}
