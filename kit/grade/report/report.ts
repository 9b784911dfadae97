/**
 * What `grade()` and `check()` return: the run (report/model.ts) with its renderings — text for a
 * terminal, HTML for a notebook, Gradescope's results.json. Every rendering prints what a
 * submission put in the feedback through cleanText (no control characters, no CI commands, capped).
 */
import { gradescopeResults, type GradescopeResults } from './gradescope';
import { htmlTable } from './html';
import type { CheckResult, ExerciseResult, GradeRun, RunMeta } from './model';
import { headerText, tableText } from './text';

export class GradeReport implements GradeRun {
  readonly meta: RunMeta;
  readonly results: CheckResult[];
  readonly exercises: ExerciseResult[];
  readonly score: number;
  readonly maxScore: number;
  readonly passed: number;

  constructor(run: GradeRun) {
    ({ meta: this.meta, results: this.results, exercises: this.exercises, score: this.score, maxScore: this.maxScore, passed: this.passed } = run);
  }

  /** The folder that was graded. */
  get dir(): string {
    return this.meta.dir;
  }

  /** The plain run (JSON, structured clone). */
  toJSON(): GradeRun {
    return { meta: this.meta, results: this.results, exercises: this.exercises, score: this.score, maxScore: this.maxScore, passed: this.passed };
  }

  /** The check table as text; with `header`, the course's title and each exercise's points and due text above it. */
  toText(options: { color?: boolean; header?: boolean } = {}): string {
    const table = tableText(this, options);
    return options.header === true ? `${headerText(this)}\n\n${table}` : table;
  }

  /** The same table as HTML, for a notebook cell. */
  toHtml(): string {
    return htmlTable(this);
  }

  /** Gradescope's results.json. */
  toGradescope(extra?: Record<string, unknown>): GradescopeResults {
    return gradescopeResults(this, extra);
  }
}
