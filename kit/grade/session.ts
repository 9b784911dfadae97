/**
 * Grading one exercise file: a Sandbox for the submission, a time budget for the whole file, and
 * running one check with its verdict. The exercise's visible and hidden graders share a session.
 */
import fs from 'fs';
import path from 'path';
import type { CheckContext, CallOptions } from './api/grader';
import { seconds } from '../shared/time';
import { cleanText } from './safe/text';
import { DEFAULT_LIMITS, Outcome, Sandbox, SandboxLimits } from './sandbox/sandbox';
import { SubmissionFolder } from './submission';

export { MAX_FILE_BYTES, MAX_FOLDER_BYTES } from './submission';

export interface SessionOptions {
  /** The folder with the submission's files. */
  dir: string;
  limits?: Partial<SandboxLimits>;
  /** Time budget for all the calls of one exercise file, in ms (it starts once the file is loaded). */
  budgetMs?: number;
  seed: number;
  /** The submission's files, shared by the sessions of one grading (default: read from `dir`). */
  files?: SubmissionFolder;
}

/** What a session needs to know about the exercise: the student's file and the drivers' path (course.ts's Exercise fits). */
export interface SessionSpec {
  file: string;
  drivers?: string;
}

export const DEFAULT_BUDGET_MS = 60_000;

export class ExerciseSession implements CheckContext {
  readonly seed: number;
  /** Every problem the submission caused so far ("timed out after 2 s", "returned a value that…"), in order. */
  readonly problems: string[] = [];
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
      this.unavailable = `could not run: the folder ${cleanText(dir, 300)} does not exist`;
      return;
    }
    const files = options.files ?? new SubmissionFolder(dir);
    const entry = files.read(spec.file);
    if (entry === undefined || !entry.ok) {
      this.unavailable = entry === undefined ? `could not run: ${spec.file} was not found in ${cleanText(dir, 300)}` : `could not run: ${entry.problem}`;
      return;
    }
    const driver = spec.drivers === undefined ? null : fs.readFileSync(spec.drivers, 'utf8');
    this.sandbox = new Sandbox({ files: files.forExercise(), entry: spec.file, driver }, this.limits);
  }

  call(name: string, args: unknown[], options?: CallOptions): Promise<Outcome> {
    return this.limited((ms) => this.sandbox!.call(name, args, ms), options);
  }

  drive(name: string, arg: unknown, options?: CallOptions): Promise<Outcome> {
    return this.limited((ms) => this.sandbox!.drive(name, arg, ms), options);
  }

  /** Stops the sandbox; every later call fails with `reason`. */
  dispose(reason?: string): void {
    this.sandbox?.dispose(reason);
  }

  private async limited(request: (timeoutMs: number) => Promise<Outcome>, options?: CallOptions): Promise<Outcome> {
    const outcome = await this.budgeted(request, options);
    if (!outcome.ok) this.problems.push(outcome.problem);
    return outcome;
  }

  private async budgeted(request: (timeoutMs: number) => Promise<Outcome>, options?: CallOptions): Promise<Outcome> {
    if (this.unavailable !== undefined) return { ok: false, problem: this.unavailable };
    if (this.deadline === undefined) {
      // Compiling and loading have their own time limits; the budget is for the calls.
      const problem = await this.sandbox!.ready();
      if (problem !== undefined) return { ok: false, problem };
      this.deadline ??= Date.now() + this.budgetMs;
    }
    const now = Date.now();
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

// Running one check needs no Node API (the book's check worker runs it in a browser): run-check.ts.
export { MAX_FEEDBACK, runCheck, type CheckVerdict } from './run-check';
