/**
 * The session the batch drives, without grading: a leaked answer key (the hidden graders' oracle)
 * pasted into an exercise is flagged against the kit; --before refuses a folder that is not a
 * repository; the command-line options are checked and name the option in their errors.
 */
import fs from 'fs';
import path from 'path';
import { Command } from 'commander';
import { afterAll, expect, test } from 'vitest';
import { addGradebookOptions, DEFAULT_GRADEBOOK_OPTIONS, readGradebookOptions } from '../../kit/gradebook/options';
import { GradebookSession } from '../../kit/gradebook/session';
import type { BatchRow } from '../../kit/grade/batch';
import { KIT, read, removeTemps, tempDir } from './helpers';

afterAll(removeTemps);

const graded = (student: string): BatchRow => ({ student, status: 'ok', detail: [], problems: [], run: null, score: 20, maxScore: 20, ms: 1, resultsFile: '' });

test("the hidden graders' oracle pasted into an exercise is flagged against the kit", () => {
  const kit = { title: 'T', points: { optimizers: 20 }, root: KIT, hidden: true };
  const book = new GradebookSession(DEFAULT_GRADEBOOK_OPTIONS, kit);
  const submissions = tempDir('leak');
  for (const [name, source] of [['leaker', read('course/optimizers/hidden/oracle.ts')], ['honest', read('solutions/optimizers.ts')]]) {
    fs.mkdirSync(path.join(submissions, name, 'exercises'), { recursive: true });
    fs.writeFileSync(path.join(submissions, name, 'exercises', 'optimizers.ts'), source);
    const at = book.prepare(path.join(submissions, name), name);
    book.record(name, graded(name), at);
  }
  const written = book.write(tempDir('book'), ['honest', 'leaker']);
  const csv = fs.readFileSync(path.join(written.dir, 'similarity.csv'), 'utf8');
  expect(written.flagged).toEqual({ pairs: 0, kit: 1 });
  expect(csv).toMatch(/^kit,optimizers,leaker-[0-9a-f]{8},leaker,,course\/optimizers\/hidden\/oracle\.ts,1,,yes$/m);
  expect(fs.readFileSync(path.join(written.dir, 'scores.csv'), 'utf8')).toContain(',yes,,,'); // hidden tests: yes
});

test('--before refuses a folder that is not a git repository, with the reason', () => {
  const book = new GradebookSession({ ...DEFAULT_GRADEBOOK_OPTIONS, before: new Date('2026-03-01T00:00:00Z') }, { title: 'T', points: {}, root: KIT, hidden: false });
  const at = book.prepare(tempDir('plain'), 'plain');
  expect(at.folder).toBeUndefined();
  expect(at.refused).toMatch(/not a git repository \(no \.git folder\)/);
});

test('the options: parsed, checked, and every error names its option', () => {
  const parse = (args: string[]) => readGradebookOptions(addGradebookOptions(new Command().exitOverride()).parse(['node', 'x', ...args]).opts());
  const roster = path.join(tempDir('opts'), 'roster.csv');
  fs.writeFileSync(roster, 'login,id\nkim,1\n');
  const o = parse(['--before', '2026-03-01T23:59+09:00', '--roster', roster, '--similarity-threshold', '0.7', '--lms-assignment', 'HW 1']);
  expect(o.before?.toISOString()).toBe('2026-03-01T14:59:00.000Z');
  expect(o.roster).toEqual([{ line: 2, login: 'kim', studentId: '1' }]);
  expect(o).toMatchObject({ threshold: 0.7, assignment: 'HW 1' });
  expect(parse([])).toEqual(DEFAULT_GRADEBOOK_OPTIONS);
  expect(() => parse(['--before', '2026-03-01 23:59'])).toThrow(/^--before must be a date and time with its offset/);
  expect(() => parse(['--similarity-threshold', '2'])).toThrow(/--similarity-threshold must be a number from 0/);
  expect(() => parse(['--extensions', 'x.json'])).toThrow(/--extensions needs --before/);
  expect(() => parse(['--roster', path.join(path.dirname(roster), 'missing.csv')])).toThrow(/^--roster: cannot read .*missing\.csv.*ENOENT/);
});
