/**
 * The gradebook files: safe unique ids (Korean, colliding, formula-like and control-character
 * names), scores.csv (BOM, Unicode names, percentage, how it was graded, flagged rows), the roster
 * join, Canvas's and Moodle's imports, and the per-student feedback pages.
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { canvasCsv, moodleCsv } from '../../kit/gradebook/export/lms';
import { feedbackMarkdown } from '../../kit/gradebook/export/feedback';
import { joinRoster, parseRoster } from '../../kit/gradebook/export/roster';
import { scoresCsv } from '../../kit/gradebook/export/scores';
import { safeId, safeIds } from '../../kit/gradebook/ids';
import type { GradebookRow } from '../../kit/gradebook/model';
import { writeGradebook } from '../../kit/gradebook/write';
import { removeTemps, tempDir } from './helpers';

afterAll(removeTemps);

const HOSTILE = ['이서준', '김민지', 'Kim Minji', 'kim minji', 'KIM-MINJI', '=cmd|\' /C calc\'!A0', '@SUM(1+1)', 'a\u001b[31mred\u0007b', 'tab\there\r\nnewline', 'CON', '..', '.git', '', 'Zoë'];

/** Two names whose slugs (`student`) and 8-digit hashes (ee2b2875) are the same: found by a birthday search over two-syllable Hangul names. */
const COLLIDING = ['캇가', '휁각'];

const csvRows = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true });

function row(name: string, over: Partial<GradebookRow> = {}): GradebookRow {
  return {
    name, id: safeId(name), status: 'ok', flags: [], hidden: true, seed: 7, commit: 'a'.repeat(40), gradedAt: '2026-03-02T01:00:00.000Z',
    exercises: { mse: { points: 5, possible: 5 }, optimizers: { points: 7.5, possible: 10 } },
    ...over,
  };
}

describe('safe ids', () => {
  test('every name a distinct, file-safe id; Korean names no longer collide', () => {
    const ids = safeIds(HOSTILE);
    const values = [...ids.values()];
    expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(HOSTILE.length);
    for (const id of values) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,47}-[0-9a-f]{8}$/);
    expect(ids.get('이서준')).not.toBe(ids.get('김민지'));
    expect(ids.get('이서준')).toMatch(/^student-[0-9a-f]{8}$/);
    expect(ids.get('Kim Minji')).toMatch(/^kim-minji-/);
    expect(ids.get('Zoë')).toMatch(/^zoe-/);
    expect(ids.get('CON')).not.toMatch(/^con$/i);
  });

  test('the same name always gives the same id (re-grading keeps file names); two spellings are two folders', () => {
    expect(safeId('김민지')).toBe(safeId('김민지'));
    const ids = safeIds(['Zoe\u0308', 'Zo\u00eb']);
    expect(ids.get('Zoe\u0308')).toMatch(/^zoe-/);
    expect(ids.get('Zoe\u0308')).not.toBe(ids.get('Zo\u00eb'));
  });

  test('a clash of the short hash lengthens every hash until the ids differ', () => {
    const [a, b] = COLLIDING;
    expect(safeId(a).slice(-8)).toBe(safeId(b).slice(-8));
    const ids = safeIds([a, b]);
    expect(ids.get(a)).not.toBe(ids.get(b));
    expect(ids.get(a)).toMatch(/-[0-9a-f]{12}$/);
  });
});

describe('scores.csv', () => {
  test('BOM, original names, percentage, hidden/seed/commit/graded-at, flagged rows flagged', () => {
    const rows = HOSTILE.map((n) => row(n));
    rows[1] = row('김민지', { status: 'graders modified', flags: ['test/graders/mse.test.ts (changed)'] });
    const text = scoresCsv(rows, ['mse', 'optimizers']);
    expect(text.startsWith('\ufeffid,student,status,flagged,mse,optimizers,total,possible,percent,hidden tests,seed,commit,graded at\n')).toBe(true);
    const table = csvRows(text);
    expect(table).toHaveLength(HOSTILE.length + 1);
    expect(table[1].slice(0, 2)).toEqual([safeId('이서준'), '이서준']);
    expect(table[1].slice(4)).toEqual(['5', '7.5', '12.5', '15', '83.3', 'yes', '7', 'a'.repeat(40), '2026-03-02T01:00:00.000Z']);
    expect(table[2][3]).toBe('FLAGGED: graders modified; test/graders/mse.test.ts (changed)');
    // A formula-like name is text; a control character is gone.
    expect(table[6][1]).toBe("'=cmd|' /C calc'!A0");
    expect(table[7][1]).toBe("'@SUM(1+1)");
    expect(table[8][1]).toBe('aredb');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('the roster', () => {
  const roster = parseRoster('\ufeffGitHub Login,Student ID,Name,Email\nminji-kim,2026001,김민지,minji@example.ac.kr\nseojun,2026002,이서준,seojun@example.ac.kr\nabsent,2026003,Absent Student,absent@example.ac.kr\n', 'roster.csv');

  test('joins Classroom folders by login, and reports what did not match, both ways', () => {
    const join = joinRoster(['hw1-minji-kim', 'seojun', 'stranger'], roster);
    expect(join.matched.get('hw1-minji-kim')).toMatchObject({ studentId: '2026001', name: '김민지', email: 'minji@example.ac.kr' });
    expect(join.matched.get('seojun')?.studentId).toBe('2026002');
    expect(join.unmatchedFolders).toEqual([{ folder: 'stranger', why: 'no roster row' }]);
    expect(join.unmatchedRoster.map((r) => r.login)).toEqual(['absent']);
  });

  test('a folder matching two rows matches neither', () => {
    const two = parseRoster('login,id\nkim,1\nhw1-kim,2\n');
    expect(joinRoster(['x-hw1-kim'], two).unmatchedFolders[0].why).toBe('matches roster lines 2, 3');
  });

  test('a roster without a key column fails early', () => {
    expect(() => parseRoster('id,name\n1,a\n', 'r.csv')).toThrow(/r\.csv needs a "folder" or "login" column, received the columns \["id","name"\]/);
    expect(() => parseRoster('', 'r.csv')).toThrow(/empty/);
  });

  test('scores.csv gains id, login, name and email columns', () => {
    const join = joinRoster(['hw1-minji-kim'], roster);
    const table = csvRows(scoresCsv([row('hw1-minji-kim')], ['mse', 'optimizers'], join.matched));
    expect(table[0].slice(0, 7)).toEqual(['id', 'student', 'student id', 'login', 'name', 'email', 'status']);
    expect(table[1].slice(1, 6)).toEqual(['hw1-minji-kim', '2026001', 'minji-kim', '김민지', 'minji@example.ac.kr']);
  });
});

describe('LMS imports', () => {
  const join = joinRoster(['hw1-minji-kim', 'hw1-seojun'], parseRoster('login,id,name,email\nminji-kim,2026001,김민지,minji@x.kr\nseojun,2026002,이서준,seojun@x.kr\n'));
  const rows = [row('hw1-minji-kim'), row('hw1-seojun', { status: 'graders modified', flags: ['kit/grade/cli.ts (changed)'] })];

  test("Canvas: Student, ID, SIS User ID, SIS Login ID, Section, the assignment; Points Possible; a flagged grade left blank", () => {
    const table = csvRows(canvasCsv(rows, { roster: join.matched, assignment: 'Homework 1' }));
    expect(table).toEqual([
      ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'Homework 1'],
      ['Points Possible', '', '', '', '', '15'],
      ['김민지', '', '2026001', 'minji-kim', '', '12.5'],
      ['이서준', '', '2026002', 'seojun', '', ''],
    ]);
  });

  test('Moodle: ID number, Email address, Full name, the assignment', () => {
    const table = csvRows(moodleCsv(rows, { roster: join.matched }));
    expect(table).toEqual([
      ['ID number', 'Email address', 'Full name', 'Descent homework'],
      ['2026001', 'minji@x.kr', '김민지', '12.5'],
      ['2026002', 'seojun@x.kr', '이서준', ''],
    ]);
  });
});

describe('feedback pages', () => {
  test('readable, and Markdown-safe whatever the name and the feedback say', () => {
    const md = feedbackMarkdown(row('# <script>alert(1)</script> [x](http://evil)', {
      status: 'timed out', flags: ['- looks like a list item'],
      feedback: { mse: ['mse([1, 2], [1, 3]) returned 1, expected 0.5', '> quote <img src=x>'] },
    }), ['mse', 'optimizers']);
    expect(md).toContain('**12.5 / 15 points (83.3 %)**');
    expect(md).toContain('| optimizers | 7.5 | 10 |');
    expect(md).toContain('with the hidden tests, commit `aaaaaaaa');
    expect(md).not.toMatch(/<script|<img|(?<!\\)\]\(http/);
    expect(md).toContain("\\[x\\](http://evil)");
    expect(md).toContain('- \\- looks like a list item');
    expect(md).toContain('- &gt; quote &lt;img src=x&gt;');
    expect(md).toContain('- status: timed out');
  });

  test('writeGradebook keeps every student of a hostile class: one feedback file each', () => {
    const dir = tempDir('out');
    const rows = HOSTILE.map((n) => row(n, { id: safeIds(HOSTILE).get(n)! }));
    const written = writeGradebook(dir, { rows, exercises: ['mse', 'optimizers'], roster: parseRoster('login,id\nkim minji,1\nnobody,2\n') });
    expect(fs.readdirSync(path.join(dir, 'feedback'))).toHaveLength(HOSTILE.length);
    expect(written.files).toEqual(expect.arrayContaining(['scores.csv', 'canvas.csv', 'moodle.csv', 'roster.md']));
    expect(fs.readFileSync(path.join(dir, 'feedback', `${safeId('김민지')}.md`), 'utf8')).toContain('feedback for 김민지');
    expect(written.roster?.unmatchedRoster.map((r) => r.login)).toEqual(['nobody']);
    expect(fs.readFileSync(path.join(dir, 'roster.md'), 'utf8')).toContain('line 3: nobody, 2');
  });
});
