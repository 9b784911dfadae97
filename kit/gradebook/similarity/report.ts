/**
 * The similarity report as the instructor reads it: `similarity.md` (flagged pairs and kit matches
 * first, then the pairs worth a look, then per exercise the highest score) and `similarity.csv` (one
 * row per match). Student names are the original folder names, shown through the Markdown
 * sanitiser (markdownCell) or csvCell — a name is data, never markup or a formula.
 */
import { markdownCell } from '../../grade/safe/text';
import { markdownInline } from '../markdown';
import { csvFile } from '../csv';
import type { SimilarityResult } from './compare';

const percent = (x: number): string => `${Math.round(x * 100)} %`;

/** `similarity.md`. `names` maps a safe id to the student's original name. */
export function similarityMarkdown(result: SimilarityResult, names: ReadonlyMap<string, string>): string {
  const who = (id: string): string => `${markdownCell(names.get(id) ?? id, 200)} (\`${id}\`)`;
  const flaggedPairs = result.pairs.filter((p) => p.flagged);
  const flaggedKit = result.kit.filter((k) => k.flagged);
  const lines = [
    '# Similarity report',
    '',
    `Each exercise file was compared with every other student's file of the same exercise and with the kit's shipped sources, after removing the stub everyone starts from and normalising names, literals, layout and comments (token fingerprints, as MOSS and JPlag). A score is the share of the smaller file's fingerprints found in the other. Flagged from ${percent(result.threshold)}; pairs from ${percent(result.threshold / 2)} are listed for a look.`,
    '',
    '**This report changes no score.** A high score means "read these two files side by side", not "copied": short exercises and the same tutorial leave honest traces too.',
    '',
    `## Flagged: ${flaggedPairs.length} pair(s), ${flaggedKit.length} file(s) matching the kit`,
    '',
  ];
  if (flaggedPairs.length + flaggedKit.length === 0) lines.push('Nothing reached the threshold.', '');
  if (flaggedPairs.length > 0) {
    lines.push('| exercise | student | student | score | shared fingerprints |', '|---|---|---|---:|---:|');
    for (const p of flaggedPairs) lines.push(`| ${markdownCell(p.exercise)} | ${who(p.a)} | ${who(p.b)} | ${percent(p.score)} | ${p.shared} |`);
    lines.push('');
  }
  if (flaggedKit.length > 0) {
    lines.push('| exercise | student | share found in the kit | kit file holding most |', '|---|---|---:|---|');
    for (const k of flaggedKit) lines.push(`| ${markdownCell(k.exercise)} | ${who(k.student)} | ${percent(k.score)} | ${markdownCell(k.file)} |`);
    lines.push('');
  }
  const review = result.pairs.filter((p) => !p.flagged);
  const reviewKit = result.kit.filter((k) => !k.flagged);
  if (review.length + reviewKit.length > 0) {
    lines.push('## Below the threshold, worth a look', '');
    for (const p of review) lines.push(`- ${markdownInline(p.exercise)}: ${who(p.a)} and ${who(p.b)}, ${percent(p.score)}`);
    for (const k of reviewKit) lines.push(`- ${markdownInline(k.exercise)}: ${who(k.student)} and the kit (${markdownCell(k.file)}), ${percent(k.score)}`);
    lines.push('');
  }
  lines.push('## Per exercise', '', '| exercise | files | highest pair score | too short to judge |', '|---|---:|---:|---|');
  for (const s of result.summary) {
    if (s.notCompared !== undefined) continue;
    lines.push(`| ${markdownCell(s.exercise)} | ${s.files} | ${percent(s.highest)} | ${s.tooShort.length === 0 ? '' : s.tooShort.map(who).join(', ')} |`);
  }
  const skipped = result.summary.filter((s) => s.notCompared !== undefined);
  if (skipped.length > 0) {
    lines.push('', '## Not compared', '');
    for (const s of skipped) lines.push(`- ${markdownInline(s.exercise)} (${s.files} file(s)): ${markdownInline(s.notCompared ?? '')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `similarity.csv`: kind, exercise, the two sides (id and name), score, flagged. */
export function similarityCsv(result: SimilarityResult, names: ReadonlyMap<string, string>): string {
  const rows: Array<Array<string | number>> = [['kind', 'exercise', 'student id', 'student', 'other id', 'other', 'score', 'jaccard', 'flagged']];
  for (const p of result.pairs) rows.push(['pair', p.exercise, p.a, names.get(p.a) ?? p.a, p.b, names.get(p.b) ?? p.b, p.score, p.jaccard, p.flagged ? 'yes' : 'no']);
  for (const k of result.kit) rows.push(['kit', k.exercise, k.student, names.get(k.student) ?? k.student, '', k.file, k.score, '', k.flagged ? 'yes' : 'no']);
  return csvFile(rows);
}
