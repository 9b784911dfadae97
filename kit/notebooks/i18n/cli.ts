/**
 * `npm run translations [-- --check] [--lang ko]`: generates the translated notebooks
 * `notebooks/<lang>/*.ipynb` from the English notebooks and `notebooks/i18n/<lang>/*.yaml`.
 * With `--check` it writes nothing and exits 1 when anything is missing, stale or out of date,
 * naming every problem (file:line: cell …).
 */
import { Command, Option } from 'commander';
import { LANGUAGES, translateCourse, type Language } from './course';
import { formatProblem } from './translation';

export function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  const program = new Command('translations')
    .description('Generate the translated notebooks notebooks/<lang>/ from the English ones and notebooks/i18n/<lang>/*.yaml.')
    .option('--check', 'write nothing; exit 1 and name every missing, stale or out-of-date translation')
    .addOption(new Option('--lang <code>', 'the language').choices(Object.keys(LANGUAGES)).default('ko'))
    .exitOverride();
  try {
    program.parse(argv);
  } catch (e) {
    return (e as { exitCode?: number }).exitCode ?? 2;
  }
  const flags = program.opts<{ check?: boolean; lang: Language }>();
  const result = translateCourse({ lang: flags.lang, check: flags.check });
  for (const p of result.problems) err(formatProblem(p));
  if (flags.check) {
    out(`${result.translated.length} ${LANGUAGES[flags.lang].name} notebook(s) generated from their translations, ${result.written.length} out of date, ${result.problems.length} problem(s)`);
  } else {
    for (const f of result.written) out(`wrote ${f}`);
    out(`${result.translated.length} ${LANGUAGES[flags.lang].name} notebook(s) up to date (${result.written.length} written), ${result.problems.length} problem(s)`);
  }
  if (result.problems.length > 0) {
    err(flags.check
      ? 'Fix the translations named above (notebooks/i18n/), then run npm run translations.'
      : 'Notebooks with problems were not written; fix the translations named above and run npm run translations again.');
    return 1;
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv);
