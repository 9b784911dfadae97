/**
 * The student repository's own project files: package.json (the student's scripts, the kit's
 * dependencies minus the instructor-only ones), tsconfig.json, .gitignore and .gitattributes.
 */
import { GITATTRIBUTES_LINE } from '../notebooks/git-filter';

/** The scripts a student gets: `npm test` is the grade, with the kit's own grading command. */
export const STUDENT_SCRIPTS: Record<string, string> = {
  test: 'tsx kit/grade/cli.ts',
  grade: 'tsx kit/grade/cli.ts',
  lab: 'tsx kit/notebooks/lab.ts',
  kernel: 'tsx kit/notebooks/kernelspec.ts',
  notebooks: 'tsx kit/notebooks/cli.ts',
  // npm install configures git to stage notebooks without their outputs (kit/notebooks/git-filter.ts).
  prepare: 'tsx kit/notebooks/git-filter.ts install',
  start: 'tsx kit/book/start.ts',
  book: 'tsx kit/book/cli.ts',
};

/**
 * Dependencies a student never needs: the benchmark's TensorFlow.js, the kit's test runner and
 * YAML (the release tests). A shipped file that imports one of them stops the release.
 */
export const DROPPED_DEPENDENCIES: RegExp[] = [/^@tensorflow\//, /^vitest$/, /^@vitest\//, /^yaml$/];

/** The default npm package name of a student repository. */
export const STUDENT_PACKAGE_NAME = 'descent-homework';

export interface KitPackage {
  name?: string;
  version?: string;
  license?: string;
  engines?: Record<string, string>;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  /** Kept as the kit has them: katex's CLI-only commander held at the kit's (whose engines accept Node 20). */
  overrides?: Record<string, unknown>;
  /** npm 11's approved install scripts (esbuild, zeromq): without them every install warns. */
  allowScripts?: Record<string, unknown>;
}

export function isDropped(name: string): boolean {
  return DROPPED_DEPENDENCIES.some((re) => re.test(name));
}

function keep(deps: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(deps ?? {}).sort()) if (!isDropped(name)) out[name] = (deps ?? {})[name];
  return out;
}

/** package.json of the student repository, formatted as npm writes it. */
export function studentPackageJson(kit: KitPackage, title: string): string {
  const pkg = {
    name: STUDENT_PACKAGE_NAME,
    version: kit.version ?? '0.1.0',
    private: true,
    description: `${title}: notebooks, exercises and their autograder.`,
    license: kit.license ?? 'MIT',
    engines: kit.engines ?? { node: '>=20' },
    workspaces: kit.workspaces ?? ['kit/notebooks/descent'],
    scripts: STUDENT_SCRIPTS,
    dependencies: keep(kit.dependencies),
    devDependencies: keep(kit.devDependencies),
    ...(kit.overrides === undefined ? {} : { overrides: kit.overrides }),
    ...(kit.allowScripts === undefined ? {} : { allowScripts: kit.allowScripts }),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** tsconfig.json: the kit's compiler options (notebooks type-check exercises with them), without the tests. */
export function studentTsconfig(kitTsconfig: { compilerOptions?: Record<string, unknown> }): string {
  const config = {
    compilerOptions: kitTsconfig.compilerOptions ?? {},
    include: ['src', 'kit', 'course', 'exercises'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Installed and generated files; build/ holds executed notebooks (npm run notebooks) and the repository's kernelspec. */
export const STUDENT_GITIGNORE = ['node_modules/', 'build/', 'dist/', '*.log', '.ipynb_checkpoints/', '*.nbconvert.ipynb', ''].join('\n');

/** LF everywhere, so the graders' checksums match on every platform; notebooks staged without outputs (git-filter.ts). */
export const STUDENT_GITATTRIBUTES = ['* text=auto eol=lf', '*.png binary', '*.woff2 binary', `${GITATTRIBUTES_LINE}`, ''].join('\n');
