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

\`npm install\` prints no warning on Node 20 or newer; it also sets git up to commit your
notebooks without their outputs (see *Submit*). \`npm test\` grades your exercises: a short table, one
line per exercise with its points and status. Before you start, every exercise is a stub that throws
\`TODO\` and you have 0 of ${Math.round(total * 100) / 100} points.

## 2. Open the notebooks

The chapters run in JupyterLab (or the Jupyter Notebook) with the TypeScript kernel tslab, installed
by \`npm install\`. Jupyter itself is Python software; install it once:

| system | command |
| --- | --- |
| Debian, Ubuntu | \`sudo apt install jupyter-notebook\` (or \`sudo apt install pipx\`, then \`pipx install jupyterlab\`) |
| macOS | \`brew install jupyterlab\` (or \`brew install pipx\`, then \`pipx install jupyterlab\`) |
| Windows | \`conda install -c conda-forge jupyterlab\` in an Anaconda/Miniforge prompt (or \`pipx install jupyterlab\`) — or skip Jupyter and use VS Code with its Jupyter extension |

(\`pip install --user jupyterlab\` fails on current Debian and Ubuntu, whose Python is "externally
managed": use apt or pipx there.) Then:

\`\`\`sh
npm run lab
\`\`\`

opens \`notebooks/\` in your browser on this repository's own TypeScript kernel. The kernel is
registered under a name of its own for this folder, so another course repository on the same
computer keeps its own: \`npm run lab\` always starts this one's. In VS Code (or a Jupyter you start
yourself), run \`npm run kernel\` once and pick **TypeScript (<this folder's name>)** as the
kernel. Without Jupyter, \`npm run lab\` says how to install it. Other commands:

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
npm test                          # every exercise: points and a one-line status each
npm test -- --verbose             # every check: the input, the expected and the received value, a hint
npm run grade -- --only mse       # one exercise
\`\`\`

or, in a notebook cell, \`await check('mse')\` (the notebooks reload your file when it changes).
\`npm test\` also type-checks your files and shows each type error under its exercise with its
line, in plain words (\`len(y)\` → "TypeScript has no len(): use y.length"; \`a - b\` on arrays →
"arithmetic on arrays is not element-wise"). Type errors cost no points; the checks decide them.

## 4. Submit

Commit and push:

\`\`\`sh
git add exercises
git commit -m "mse and its gradient"
git push
\`\`\`

Notebooks are committed without their outputs: \`npm install\` configured a git filter
(\`.gitattributes\`: \`*.ipynb filter=descent-notebooks\`) that stages each notebook without outputs,
while the file on your disk keeps them (executed notebooks are megabytes of plots). If you cloned
before installing, or \`git init\`ed afterwards, run \`npm run prepare\` once.

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
