/**
 * Where a Gradescope submission keeps its exercise files. Students upload the files themselves
 * (submission/mse.ts …), their repository (submission/exercises/, from GitHub or a folder
 * upload), or a zip of either (Gradescope may have unpacked it already; if not, we unpack it
 * with unzip.ts). The submission is hostile: folders are listed through safe/paths.ts (links,
 * special files and huge folders never followed), at most SEARCH_DEPTH levels down, and the
 * grading itself reads each file again with the same checks.
 */
import fs from 'fs';
import path from 'path';
import { listFolder } from '../../grade/safe/paths';
import { cleanLine } from '../../grade/safe/text';
import { unzipSafely } from './unzip';

/** Folder levels searched below the submission (a repository zip adds one: name-main/exercises/). */
export const SEARCH_DEPTH = 3;
/** Most entries listed per folder. */
const MAX_LISTED = 500;
/** Most zip files tried. */
const MAX_ZIPS = 3;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '__MACOSX', 'solutions']);

export interface Found {
  /** The folder to grade as a student folder (its exercises/, or its own .ts files). */
  folder: string;
  /** How many of the expected exercise files it has. */
  matched: number;
  /** What was found where, for the student (one line each, cleaned). */
  notes: string[];
}

interface Candidate {
  folder: string;
  rel: string;
  matched: number;
  /** The expected files it lacks. */
  missing: string[];
  depth: number;
}

function names(root: string, rel: string): { files: string[]; folders: string[] } {
  const listed = listFolder(root, rel, MAX_LISTED);
  if (!listed.ok) return { files: [], folders: [] };
  return {
    files: listed.entries.filter((e) => e.isFile()).map((e) => e.name),
    folders: listed.entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_FOLDERS.has(e.name)).map((e) => e.name),
  };
}

/** Every folder under `root` (to SEARCH_DEPTH) holding expected files, directly or in exercises/. */
function candidates(root: string, expected: readonly string[]): { found: Candidate[]; zips: string[] } {
  const found: Candidate[] = [];
  const zips: string[] = [];
  const visit = (rel: string, depth: number): void => {
    const here = names(root, rel);
    const present = (files: string[]): string[] => expected.filter((e) => files.includes(e));
    const direct = present(here.files);
    const nested = here.folders.includes('exercises') ? present(names(root, rel === '' ? 'exercises' : `${rel}/exercises`).files) : [];
    // A folder with exercises/ is graded there (batch/student.ts), so that is what it offers.
    const has = here.folders.includes('exercises') ? nested : direct;
    if (has.length > 0) {
      found.push({ folder: rel === '' ? root : path.join(root, rel), rel, matched: has.length, missing: expected.filter((e) => !has.includes(e)), depth });
    }
    for (const f of here.files) if (f.toLowerCase().endsWith('.zip')) zips.push(rel === '' ? f : `${rel}/${f}`);
    if (depth >= SEARCH_DEPTH) return;
    for (const f of here.folders) if (f !== 'exercises') visit(rel === '' ? f : `${rel}/${f}`, depth + 1);
  };
  visit('', 0);
  return { found, zips };
}

function best(found: Candidate[]): Candidate | undefined {
  return [...found].sort((a, b) => b.matched - a.matched || a.depth - b.depth || (a.rel < b.rel ? -1 : 1))[0];
}

/**
 * Finds the exercise files of the submission folder `submission`, unpacking an uploaded zip into
 * `scratch` (an empty folder of ours) when the files are not there already.
 */
export async function findSubmission(submission: string, scratch: string, expected: readonly string[]): Promise<Found> {
  const notes: string[] = [];
  const stats = fs.lstatSync(submission, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isDirectory()) {
    return { folder: submission, matched: 0, notes: ['the submission folder is missing or not a folder'] };
  }
  const here = candidates(submission, expected);
  let choice = best(here.found);
  if (choice === undefined || choice.matched < expected.length) {
    for (const [i, zip] of here.zips.slice(0, MAX_ZIPS).entries()) {
      const into = path.join(scratch, `zip-${i}`);
      // The zip is itself read only if it is a regular file (lstat: never through a link).
      const zipStats = fs.lstatSync(path.join(submission, zip));
      if (!zipStats.isFile() || zipStats.nlink > 1) {
        notes.push(`${zip}: not a regular file; skipped`);
        continue;
      }
      try {
        const unpacked = await unzipSafely(path.join(submission, zip), into);
        notes.push(...unpacked.skipped.map((s) => `${zip}: ${s}`));
      } catch (error) {
        notes.push(`${zip}: could not be unpacked (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      const inside = best(candidates(into, expected).found);
      if (inside !== undefined && (choice === undefined || inside.matched > choice.matched)) {
        choice = { ...inside, rel: `${zip}${inside.rel === '' ? '' : `/${inside.rel}`}` };
      }
    }
  }
  if (choice === undefined) {
    notes.push(`no exercise file found: upload ${expected.join(', ')} (or a zip or repository with exercises/ inside)`);
    return { folder: submission, matched: 0, notes: notes.map((n) => cleanLine(n, 300)) };
  }
  notes.unshift(`graded the exercise files found in ${choice.rel === '' ? 'the submission' : `${choice.rel}/`} (${choice.matched} of ${expected.length} expected)`);
  if (choice.missing.length > 0) notes.splice(1, 0, `not found: ${choice.missing.join(', ')} (each scores 0 until you upload it)`);
  return { folder: choice.folder, matched: choice.matched, notes: notes.map((n) => cleanLine(n, 300)) };
}
