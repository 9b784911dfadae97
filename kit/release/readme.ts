/** The student repository's README: install, open the notebooks, check your work, submit (English, or Korean: readme-ko.ts). */
import type { CourseConfig } from '../grade/config';
import type { Lang } from '../grade/i18n/lang';
import { koreanReadme } from './readme-ko';

export interface ReadmeExercise {
  /** 'mse' */
  name: string;
  /** '01-mse' */
  chapter: string;
  /** The chapter's title from its notebook ("Mean squared error"), when known. */
  chapterTitle?: string;
  /** Is the chapter's notebook written yet (else its name is not a link)? */
  hasNotebook: boolean;
  /** Points after rescaling. */
  points: number;
}

export function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

export function studentReadme(config: CourseConfig, exercises: ReadmeExercise[], notebooks: string[], lang: Lang = 'en'): string {
  if (lang === 'ko') return koreanReadme(config, exercises, notebooks);
  const total = exercises.reduce((s, e) => s + e.points, 0);
  const table = [
    row(['exercise', 'chapter', 'points', 'due']),
    row(['---', '---', '---:', '---']),
    ...exercises.map((e) =>
      row([
        `[\`exercises/${e.name}.ts\`](exercises/${e.name}.ts)`,
        e.hasNotebook ? `[${e.chapter}${e.chapterTitle === undefined ? '' : ` · ${e.chapterTitle}`}](notebooks/${e.chapter}.ipynb)` : e.chapter,
        String(Math.round(e.points * 100) / 100),
        config.exercises[e.name]?.due ?? '',
      ]),
    ),
    row(['**total**', '', `**${Math.round(total * 100) / 100}**`, '']),
  ];
  return `# ${config.title}

The foundations of deep learning in TypeScript: loss functions, gradient descent, backpropagation
and optimizers. You read the chapters in \`notebooks/\` (Jupyter notebooks on a TypeScript kernel),
implement the exercises in \`exercises/\`, and the autograder tells you, check by check, what works.

## Your exercises

${table.join('\n')}

## 1. Install

You need [Node.js](https://nodejs.org/) 20 or newer (\`node --version\`). In this folder:

\`\`\`sh
npm install
npm test
\`\`\`

\`npm test\` grades your exercises. Before you start, every check fails and you have 0 of ${Math.round(total * 100) / 100}
points: each exercise is a stub that throws \`TODO\`.

## 2. Open the notebooks

The chapters run in JupyterLab (or the classic Jupyter Notebook) with the TypeScript kernel tslab,
installed by \`npm install\`. Jupyter itself is Python software; install it once, for example:

\`\`\`sh
python3 -m pip install --user jupyterlab     # or: pipx install jupyterlab, conda install jupyterlab
\`\`\`

(on Debian/Ubuntu without pip: \`sudo apt-get install jupyter-notebook\`). Then:

\`\`\`sh
npm run lab
\`\`\`

registers the TypeScript kernel (once; \`npm run kernel\` does only that) and opens \`notebooks/\`
in your browser. Without Jupyter, \`npm run lab\` says how to install it. Other commands:

| command | what it does |
| --- | --- |
| \`npm run notebooks\` | runs every notebook from the terminal (no browser), writing executed copies to \`build/notebooks/\` |
| \`npm start\` | runs the notebooks and serves them as a book on http://127.0.0.1:4173/ |
| \`npm run book -- --student\` | builds the book in \`build/book/\` without serving it |

Chapters, in order: ${notebooks.map((n) => `\`${n}\``).join(', ')}.

## 3. Check your work

Each chapter ends with its exercise. Open \`exercises/<name>.ts\`, replace each
\`throw new Error('TODO: …')\` with your code, save, and check:

\`\`\`sh
npm test                          # every exercise: a table of checks, points and feedback
npm run grade -- --only mse       # one exercise
\`\`\`

or, in a notebook cell, \`await check('mse')\` (the notebooks reload your file when it changes).
A failing check shows the input, the expected and the received value, and often a hint.

## 4. Submit

Commit and push:

\`\`\`sh
git add exercises
git commit -m "mse and its gradient"
git push
\`\`\`

Every push runs the autograder on GitHub (the **Autograding Tests** workflow in the *Actions* tab;
the grade table is in the run's summary) and reports your points to GitHub Classroom. Push as
often as you like; what counts is your last push before the due date.

Do not edit \`course/\`, \`kit/\`, \`.github/\`, \`package.json\` or \`course.config.json\`: the autograder
checks them against the course's checksums, and a modified grader or workflow counts as
**graders modified**, with no points. Your work goes in \`exercises/\` (and your notes in the
notebooks). Your instructor grades the final submissions again, with further tests.

**If your course collects homework on Gradescope**, submit there too: upload your exercise files
(${exercises.map((e) => `\`${e.name}.ts\``).join(', ')}, from \`exercises/\`), or your GitHub
repository, or a zip of it. Gradescope grades them with the same checks as \`npm test\` plus
hidden ones, whose results appear when your instructor publishes the grades. Upload real files,
not links or shortcuts; missing files score 0 for their exercise.

## What is where

| folder | what |
| --- | --- |
| \`notebooks/\` | the chapters |
| \`exercises/\` | your code: the files you edit |
| \`src/\` | the \`descent\` library the chapters use (its numbers match PyTorch) |
| \`course/\` | the autograder's checks, one folder per exercise (read them, do not edit them) |
| \`kit/\` | the tools: the grader, the notebook kernel set-up, the book builder |
`;
}
