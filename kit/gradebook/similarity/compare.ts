/**
 * The similarity of every pair of students' files, exercise by exercise, and of every student's file
 * to the kit's shipped sources (the library, the public graders, …). Each file is tokenised and
 * normalised (tokens.ts), fingerprinted by winnowing (fingerprint.ts), and the fingerprints of the
 * exercise's stub — the common starting point — are removed first. The score of two files is the
 * share of the smaller one's fingerprints found in the other (the overlap coefficient
 * |A ∩ B| / min(|A|, |B|)): a copy padded with extra code still scores high. Against the kit the
 * score is the share of the student's fingerprints found anywhere in the kit, |S ∩ K| / |S|, with
 * the kit file that holds most of them named.
 *
 * Nothing here changes a score: the report is for the instructor to read the two files side by side.
 */
import { DEFAULT_K, DEFAULT_WINDOW, fingerprints, shared, without } from './fingerprint';
import { normalisedTokens } from './tokens';

/**
 * Score from which a pair (or a student and the kit) is flagged (default: 0.5). Measured on the
 * six exercises (test/gradebook/similarity.test.ts prints it): each solution and its two honest
 * alternatives (course/<exercise>/alternatives/) score at most 0.28 against each other and 0.35
 * against one kit file; identical and renamed-and-reformatted copies 1.0.
 */
export const DEFAULT_THRESHOLD = 0.5;
/** A file with fewer fingerprints than this (after the stub's are removed) is too short to judge (default: 3). */
export const MIN_FINGERPRINTS = 3;

export interface SimilarityExercise {
  exercise: string;
  /** The stub students start from (its fingerprints are removed from every file). */
  stub?: string;
  /** One file per student who submitted this exercise: `student` is the safe id. */
  files: ReadonlyArray<{ student: string; source: string }>;
  /** Set when the exercise's files are not compared (exercise.json's `notCompared`): why. */
  notCompared?: string;
}

export interface SimilarityOptions {
  /** Score from which a match is flagged (default: DEFAULT_THRESHOLD). */
  threshold?: number;
  k?: number;
  window?: number;
}

export interface PairMatch {
  exercise: string;
  a: string;
  b: string;
  /** |A ∩ B| / min(|A|, |B|) */
  score: number;
  /** |A ∩ B| / |A ∪ B| */
  jaccard: number;
  shared: number;
  flagged: boolean;
}

export interface KitMatch {
  exercise: string;
  student: string;
  /** Share of the student's fingerprints found in the kit. */
  score: number;
  /** The kit file holding most of them. */
  file: string;
  flagged: boolean;
}

export interface SimilarityResult {
  threshold: number;
  /** Every pair scoring at least half the threshold, highest first. */
  pairs: PairMatch[];
  /** Every student file scoring at least half the threshold against the kit, highest first. */
  kit: KitMatch[];
  /** Per exercise: files compared, files too short to judge, the highest pair score. */
  summary: Array<{ exercise: string; files: number; tooShort: string[]; highest: number; notCompared?: string }>;
}

const rounded = (x: number): number => Math.round(x * 1000) / 1000;

/** Compares every pair of files of each exercise, and each file with the `kit` sources. */
export function compareSubmissions(
  exercises: readonly SimilarityExercise[],
  kit: ReadonlyArray<{ path: string; source: string }>,
  options: SimilarityOptions = {},
): SimilarityResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`similarity: threshold must be in (0, 1], received ${threshold}`);
  const fp = { k: options.k ?? DEFAULT_K, window: options.window ?? DEFAULT_WINDOW };
  const print = (source: string): Set<number> => fingerprints(normalisedTokens(source), fp);
  // Which kit files hold each fingerprint.
  const kitIndex = new Map<number, string[]>();
  const kitSizes = new Map<string, number>();
  for (const file of kit) {
    const set = print(file.source);
    kitSizes.set(file.path, set.size);
    for (const h of set) {
      const holders = kitIndex.get(h);
      if (holders === undefined) kitIndex.set(h, [file.path]);
      else holders.push(file.path);
    }
  }
  const pairs: PairMatch[] = [];
  const kitMatches: KitMatch[] = [];
  const summary: SimilarityResult['summary'] = [];
  for (const ex of exercises) {
    if (ex.notCompared !== undefined) {
      summary.push({ exercise: ex.exercise, files: ex.files.length, tooShort: [], highest: 0, notCompared: ex.notCompared });
      continue;
    }
    const stub = ex.stub === undefined ? new Set<number>() : print(ex.stub);
    const judged: Array<{ student: string; set: Set<number> }> = [];
    const tooShort: string[] = [];
    for (const f of ex.files) {
      const set = without(print(f.source), stub);
      if (set.size < MIN_FINGERPRINTS) tooShort.push(f.student);
      else judged.push({ student: f.student, set });
    }
    let highest = 0;
    for (let i = 0; i < judged.length; i++) {
      for (let j = i + 1; j < judged.length; j++) {
        const a = judged[i];
        const b = judged[j];
        const n = shared(a.set, b.set);
        const score = n / Math.min(a.set.size, b.set.size);
        highest = Math.max(highest, score);
        if (score >= threshold / 2) {
          const [first, second] = a.student < b.student ? [a, b] : [b, a];
          pairs.push({ exercise: ex.exercise, a: first.student, b: second.student, score: rounded(score), jaccard: rounded(n / (a.set.size + b.set.size - n)), shared: n, flagged: score >= threshold });
        }
      }
      const a = judged[i];
      // Fingerprints shared with each kit file, then the best file by the same overlap coefficient as a pair.
      const perFile = new Map<string, number>();
      for (const h of a.set) for (const p of kitIndex.get(h) ?? []) perFile.set(p, (perFile.get(p) ?? 0) + 1);
      let best: { file: string; score: number } | undefined;
      for (const [file, n] of perFile) {
        const size = kitSizes.get(file) as number;
        if (size < MIN_FINGERPRINTS) continue;
        const score = n / Math.min(a.set.size, size);
        if (best === undefined || score > best.score || (score === best.score && file < best.file)) best = { file, score };
      }
      if (best !== undefined && best.score >= threshold / 2) {
        kitMatches.push({ exercise: ex.exercise, student: a.student, score: rounded(best.score), file: best.file, flagged: best.score >= threshold });
      }
    }
    summary.push({ exercise: ex.exercise, files: ex.files.length, tooShort, highest: rounded(highest) });
  }
  const order = <T extends { score: number; exercise: string }>(x: T, y: T): number => y.score - x.score || (x.exercise < y.exercise ? -1 : x.exercise > y.exercise ? 1 : 0);
  return { threshold, pairs: pairs.sort(order), kit: kitMatches.sort(order), summary };
}
