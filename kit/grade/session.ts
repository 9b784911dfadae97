/**
 * Grading one exercise file: a Sandbox for the submission, a time budget for the whole file, and
 * running one check with its verdict. Shared by the engine (npm run grade, check()) and by the
 * vitest suites, so all three grade the same way.
 */
import fs from 'fs';
import path from 'path';
import type { CheckContext, CallOptions, Check } from './grader';
import { DEFAULT_LIMITS, Outcome, Sandbox, SandboxLimits } from './sandbox/sandbox';

export interface SessionOptions {
  /** The folder with the submission's files. */
  dir: string;
  limits?: Partial<SandboxLimits>;
  /** Time budget for all the calls of one exercise file, in ms. */
  budgetMs?: number;
  seed: number;
}

/** What a session needs to know about a grader (structural, so any copy of grader.ts fits). */
export interface SessionSpec {
  file: string;
  drivers?: string;
}

export const DEFAULT_BUDGET_MS = 60_000;

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** The target of a symbolic link in `dir` when it leads outside `dir` (e.g. to the solutions), else undefined. */
export function linkOutside(dir: string, name: string): string | undefined {
  const full = path.join(dir, name);
  let link: boolean;
  try {
    link = fs.lstatSync(full).isSymbolicLink();
  } catch {
    return undefined; // no such file
  }
  if (!link) return undefined;
  try {
    const target = fs.realpathSync(full);
    const inside = path.relative(fs.realpathSync(dir), target);
    return inside.startsWith('..') || path.isAbsolute(inside) ? target : undefined;
  } catch {
    return fs.readlinkSync(full); // a dangling link
  }
}

/** Largest exercise file read, in bytes (a real one is a few kB). */
export const MAX_FILE_BYTES = 1_000_000;
/** Largest total of the files read from one folder, in bytes. */
export const MAX_FOLDER_BYTES = 4_000_000;

/**
 * The submission's TypeScript files (name → source); exercise files may import each other. Links
 * that lead outside the folder are not followed: grading reads the student's own files only. A file
 * too large to be an exercise (or past the folder's total) is not read: its source becomes a
 * `throw` that says so when it is loaded.
 */
export function readSubmission(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  let total = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.ts') || name.endsWith('.d.ts') || name.endsWith('.test.ts')) continue;
    const full = path.join(dir, name);
    if (linkOutside(dir, name) !== undefined) continue;
    const stat = fs.statSync(full);
    if (!stat.isFile()) continue;
    total += stat.size;
    if (stat.size > MAX_FILE_BYTES || total > MAX_FOLDER_BYTES) {
      const why = stat.size > MAX_FILE_BYTES ? `more than the ${MAX_FILE_BYTES / 1e6} MB an exercise file may have` : `past the ${MAX_FOLDER_BYTES / 1e6} MB a folder may have`;
      files[name] = `throw new Error(${JSON.stringify(`${name} is ${(stat.size / 1e6).toFixed(1)} MB, ${why}`)});\n`;
    } else {
      files[name] = fs.readFileSync(full, 'utf8');
    }
  }
  return files;
}

export class ExerciseSession implements CheckContext {
  readonly seed: number;
  private readonly sandbox: Sandbox | undefined;
  private readonly unavailable: string | undefined;
  private readonly limits: SandboxLimits;
  private readonly budgetMs: number;
  private deadline: number | undefined;

  constructor(private readonly spec: SessionSpec, options: SessionOptions) {
    this.seed = options.seed;
    this.limits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    const dir = path.resolve(options.dir);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      this.unavailable = `could not run: the folder ${dir} does not exist`;
      return;
    }
    const files = readSubmission(dir);
    if (!Object.prototype.hasOwnProperty.call(files, spec.file)) {
      const link = linkOutside(dir, spec.file);
      this.unavailable =
        link === undefined
          ? `could not run: ${spec.file} was not found in ${dir}`
          : `could not run: ${spec.file} is a link to ${link}, outside ${dir}, which grading does not follow`;
      return;
    }
    const driver = spec.drivers === undefined ? null : fs.readFileSync(spec.drivers, 'utf8');
    this.sandbox = new Sandbox({ files, entry: spec.file, driver }, this.limits);
  }

  call(name: string, args: unknown[], options?: CallOptions): Promise<Outcome> {
    return this.limited((ms) => this.sandbox!.call(name, args, ms), options);
  }

  drive(name: string, arg: unknown, options?: CallOptions): Promise<Outcome> {
    return this.limited((ms) => this.sandbox!.drive(name, arg, ms), options);
  }

  dispose(): void {
    this.sandbox?.dispose();
  }

  private async limited(request: (timeoutMs: number) => Promise<Outcome>, options?: CallOptions): Promise<Outcome> {
    if (this.unavailable !== undefined) return { ok: false, problem: this.unavailable };
    const now = Date.now();
    if (this.deadline === undefined) this.deadline = now + this.budgetMs;
    const left = this.deadline - now;
    if (left <= 0) {
      return { ok: false, problem: `not run: ${this.spec.file} used up its time budget of ${seconds(this.budgetMs)}` };
    }
    const wanted = options?.timeoutMs ?? this.limits.callTimeoutMs;
    const outcome = await request(Math.min(wanted, left));
    if (!outcome.ok && left < wanted && outcome.problem.startsWith('timed out')) {
      return { ok: false, problem: `timed out: ${this.spec.file} used up its time budget of ${seconds(this.budgetMs)}` };
    }
    return outcome;
  }
}

export interface CheckVerdict {
  passed: boolean;
  feedback: string;
  ms: number;
}

function isFeedback(error: unknown): error is Error {
  return error instanceof Error && (error as { descentFeedback?: unknown }).descentFeedback === true;
}

/** Runs one check: passed, or failed with its feedback. A grader bug is reported, never thrown. */
export async function runCheck(check: Pick<Check, 'run'>, context: CheckContext): Promise<CheckVerdict> {
  const start = Date.now();
  try {
    await check.run(context);
    return { passed: true, feedback: '', ms: Date.now() - start };
  } catch (error) {
    const feedback = isFeedback(error)
      ? error.message
      : `grader error (please report it): ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    return { passed: false, feedback, ms: Date.now() - start };
  }
}
