/**
 * The files `npm run new-exercise -- NAME` writes: a worked example exercise — the mean absolute
 * error, MAE(ŷ, y) = (1/n) Σ |ŷᵢ − yᵢ| (chapter 1 compares it with the MSE) — complete in every
 * part (stub, solution, contract, public and hidden grader, a mutant, a chapter cell), so that the
 * new exercise grades, releases and passes the kit's tests before the instructor replaces the
 * example with their own.
 */

export interface ExerciseNames {
  /** The exercise (folder and file name), e.g. 'huber-loss'. */
  name: string;
  /** The function the example exports, the name in camelCase, e.g. 'huberLoss'. */
  fn: string;
  /** Its chapter's slug, e.g. '08-training'. */
  chapter: string;
}

/** 'huber-loss' → 'huberLoss'. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function stubSource({ name, fn, chapter }: ExerciseNames): string {
  return `/**
 * Exercise — chapter ${chapter}: ${fn}, the mean absolute error.
 * Replace each \`throw new Error('TODO: …')\` with your implementation, then run
 * \`npm run grade\` (or \`await check('${name}')\` in the notebook).
 *
 * Predictions come first, as in the library's losses and PyTorch's F.l1_loss(input, target).
 */

/**
 * The mean of the absolute errors:
 *
 *   MAE(ŷ, y) = (1/n) ∑ᵢ |ŷᵢ − yᵢ|
 *
 * \`yHat\` holds the predictions ŷ, \`y\` the targets (same length n).
 * Hint: take the absolute value of each error, then divide by n (a mean, not a sum).
 */
export function ${fn}(yHat: number[], y: number[]): number {
  throw new Error('TODO: implement ${fn} (chapter ${chapter})');
}
`;
}

/** exercises/i18n/ko/<name>.ts: the same stub with Korean comments (what a Korean release ships; the code must stay identical). */
export function koreanStubSource({ name, fn, chapter }: ExerciseNames): string {
  return `/**
 * 연습 문제 — ${chapter} 장: ${fn}, 평균 절대 오차.
 * \`throw new Error('TODO: …')\`를 하나씩 직접 작성한 코드로 바꾸고
 * \`npm run grade\`(또는 노트북에서 \`await check('${name}')\`)를 실행하세요.
 *
 * 라이브러리의 손실 함수와 PyTorch의 F.l1_loss(input, target)처럼 예측값이 먼저 옵니다.
 */

/**
 * 절대 오차의 평균:
 *
 *   MAE(ŷ, y) = (1/n) ∑ᵢ |ŷᵢ − yᵢ|
 *
 * \`yHat\`은 예측값 ŷ, \`y\`는 타깃입니다 (길이는 둘 다 n).
 * 힌트: 각 오차의 절댓값을 취한 뒤 n으로 나누세요 (합이 아니라 평균입니다).
 */
export function ${fn}(yHat: number[], y: number[]): number {
  throw new Error('TODO: implement ${fn} (chapter ${chapter})');
}
`;
}

export function solutionSource({ fn, chapter }: ExerciseNames): string {
  return `/**
 * The mean absolute error — chapter ${chapter}. Predictions first, as PyTorch's
 * F.l1_loss(input, target):
 *
 *   MAE(ŷ, y) = (1/n) ∑ᵢ |ŷᵢ − yᵢ|
 */
export function ${fn}(yHat: number[], y: number[]): number {
  if (yHat.length !== y.length || y.length === 0) {
    throw new RangeError(\`${fn}: yHat and y must be non-empty and of the same length, received \${yHat.length} and \${y.length}\`);
  }
  let absoluteErrors = 0;
  for (let i = 0; i < y.length; i++) absoluteErrors += Math.abs(yHat[i] - y[i]);
  return absoluteErrors / y.length;
}
`;
}

export function contractJson({ fn, chapter }: ExerciseNames): string {
  return `${JSON.stringify({ chapter, exports: [fn] }, null, 2)}\n`;
}

const SUM_HINT = 'looks like the sum, not the mean: did you forget to divide by n?';

/**
 * course/<name>/messages.ts: the exercise's own sentences (check names, hints) in every language of
 * the grader (kit/grade/i18n); `ko: typeof en` makes TypeScript require every English key.
 */
export function publicMessagesSource({ name, fn }: ExerciseNames): string {
  return `/**
 * The ${name} exercise's own sentences (check names and hints) in every language; grader.ts takes
 * the student's. \`ko\` must have every key of \`en\` (ExerciseMessages checks it).
 */
import type { ExerciseMessages } from '../../kit/grade/api';

const en = {
  checks: {
    mean: '${fn} is the mean of the absolute errors',
  },
  hints: {
    sum: '${SUM_HINT}',
    squared: 'looks like the mean of the squared errors: take |ŷᵢ − yᵢ| instead',
    cancelled: 'the errors cancelled out: take the absolute value of each error before averaging',
  },
};

const ko: typeof en = {
  checks: {
    mean: '${fn}는 절대 오차의 평균이다',
  },
  hints: {
    sum: '평균이 아니라 합으로 보입니다: n으로 나누는 것을 잊지 않았나요?',
    squared: '제곱 오차의 평균으로 보입니다: 대신 |ŷᵢ − yᵢ|를 쓰세요',
    cancelled: '오차끼리 상쇄되었습니다: 평균을 내기 전에 각 오차의 절댓값을 취하세요',
  },
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
`;
}

export function publicGraderSource({ name, fn, chapter }: ExerciseNames): string {
  return `/**
 * Grader for exercises/${name}.ts (chapter ${chapter}): ${fn}(yHat, y) = (1/n) Σ |ŷᵢ − yᵢ|.
 * This grader ships to students, so it never computes an answer: expected values are written
 * here, or precomputed (with PyTorch) in a cases.json beside it, as course/mse/ does.
 * Each check's points are its weight: the course's points for the exercise (course.config.json)
 * are shared in proportion. Its sentences are in messages.ts, one object per language.
 */
import { defineGrader, expectClose, formatCall } from '../../kit/grade/api';
import messages from './messages';

export default defineGrader(messages, ({ graded }, { checks, hints }) => {
  graded(checks.mean, 2, async (t) => {
    const yHat = [1, 2, 5];
    const y = [1, 3, 2];
    expectClose(await t.call('${fn}', [yHat, y]), 4 / 3, {
      input: formatCall('${fn}', [yHat, y]),
      hints: [
        [4, hints.sum],
        [10 / 3, hints.squared],
        [-2 / 3, hints.cancelled],
      ],
    });
  });
});
`;
}

/** course/<name>/hidden/messages.ts: the hidden grader's sentences (instructor-only, like it). */
export function hiddenMessagesSource({ name, fn }: ExerciseNames): string {
  return `/** The hidden ${name} grader's sentences in every language (instructor-only). */
import type { ExerciseMessages } from '../../../kit/grade/api';

const en = {
  random: 'randomized: ${fn} on 20 random cases',
  sum: '${SUM_HINT}',
};

const ko: typeof en = {
  random: '무작위: 무작위 사례 20개에서 ${fn}',
  sum: '평균이 아니라 합으로 보입니다: n으로 나누는 것을 잊지 않았나요?',
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
`;
}

export function hiddenGraderSource({ name, fn }: ExerciseNames): string {
  return `/**
 * Hidden grader for ${name}.ts (the instructor's, never shipped): randomized cases drawn from the
 * run's seed, checked against the closed form computed here.
 */
import { defineGrader, expectClose, formatCall, random } from '../../../kit/grade/api';
import messages from './messages';

export default defineGrader(messages, ({ graded }, m) => {
  graded(m.random, 2, async (t) => {
    const r = random(t.seed);
    for (let k = 0; k < 20; k++) {
      const n = r.int(1, 30);
      const yHat = r.vector(n, -10, 10);
      const y = r.vector(n, -10, 10);
      const total = yHat.reduce((s, p, i) => s + Math.abs(p - y[i]), 0);
      expectClose(await t.call('${fn}', [yHat, y]), total / n, {
        input: formatCall('${fn}', [yHat, y]),
        hints: n > 1 ? [[total, m.sum]] : [],
      });
    }
  });
});
`;
}

export function mutantsSource({ name, fn }: ExerciseNames): string {
  return `/**
 * The mutation suite of ${name}.ts: single deliberate mistakes in solutions/${name}.ts, each a patch
 * applied to a copy (never to solutions/ itself). Every mutant must lose points, and those that
 * fake a function must fail every check named in \`mustFail\` (test/grading/mutants.test.ts).
 */
import type { Mutant } from '../../kit/author/mutant';

const mutants: Mutant[] = [
  {
    name: 'sum-instead-of-mean',
    mistake: '${fn} returns the sum of the absolute errors, not their mean',
    patch: [['return absoluteErrors / y.length;', 'return absoluteErrors;']],
  },
  {
    name: 'returns-constant',
    mistake: '${fn} returns the answer of the public example (4/3) whatever its input',
    patch: [['return absoluteErrors / y.length;', 'return 4 / 3;']],
    mustFail: ['randomized: ${fn} on 20 random cases'],
  },
];

export default mutants;
`;
}

/** The two cells an instructor pastes into the chapter: the task, and the check. */
export function chapterCells({ name, fn }: ExerciseNames): { markdown: string; code: string } {
  return {
    markdown: [
      '## Your turn',
      '',
      `Open **\`exercises/${name}.ts\`** and implement \`${fn}(yHat, y)\` — the mean of the absolute errors,`,
      '$\\frac{1}{n}\\sum_i |\\hat y_i - y_i|$, predictions first. Save the file and run the cell below: it',
      "shows type errors in your file, if any, and the grader's table. Until you implement the function",
      'every row fails — that is expected. You can re-run the cell after each change.',
    ].join('\n'),
    code: `await check('${name}');`,
  };
}
