/**
 * The student repository as a map of files (path → content), built in memory from the kit: the
 * folders a student needs, copied; each exercise's public grader, drivers and contract, and what
 * they import, followed; the notebooks stubbed; the generated project files. Nothing is written
 * here, so the leak scan sees everything first. The grading core (kit/grade) ships as it is.
 */
import fs from 'fs';
import { builtinModules } from 'module';
import path from 'path';
import ts from 'typescript';
import type { Lang } from '../grade/i18n/lang';
import { COURSE_CONFIG_FILE, courseConfigJson, CourseConfig, readCourseConfig } from '../grade/config';
import { listExercises, loadGrader } from '../grade/course';
import { hashContent, Manifest, MANIFEST_RELATIVE_PATH, parseManifest, scriptEntries, verifyManifest } from '../grade/manifest';
import { listNotebooks, readNotebook } from '../notebooks/notebook';
import { PROJECT_ROOT, posixPath } from '../shared/root';
import { listFiles } from '../shared/walk';
import { findLeaks, instructorOnly, secretLines } from './leaks';
import { notebookJson, studentNotebook } from './notebooks';
import { ReadmeExercise, studentReadme } from './readme';
import { isDropped, KitPackage, STUDENT_GITATTRIBUTES, STUDENT_GITIGNORE, studentPackageJson, studentTsconfig } from './student';
import { classroomWorkflow, WORKFLOW_FILE } from './workflow';

/** Folders copied whole (minus IGNORED_NAMES); files they import are followed. */
export const COPIED_DIRS = ['src', 'exercises', 'kit/grade', 'kit/notebooks', 'kit/book'];
/** Never copied from a copied folder. */
export const IGNORED_NAMES = [/^node_modules$/, /^__pycache__$/, /^\.DS_Store$/, /\.pyc$/, /\.map$/, /\.tsbuildinfo$/, /^\.ipynb_checkpoints$/];
/**
 * Never copied: the maintainers' translation generator (kit/notebooks/i18n, needs the dropped
 * `yaml`), and the translated stubs (exercises/i18n/<lang>/), which a release in that language
 * ships as exercises/<name>.ts instead.
 */
export const IGNORED_PATHS = ['kit/notebooks/i18n', 'exercises/i18n'];

/** Where the stubs translated into `lang` live: exercises/i18n/<lang>/<name>.ts (the code identical, the comments translated). */
export const translatedStubsDir = (lang: string): string => `exercises/i18n/${lang}`;
/** Where the notebooks translated into `lang` live: notebooks/<lang>/<same name>.ipynb. */
export const translatedNotebooksDir = (lang: string): string => `notebooks/${lang}`;
/** Protected in a student repository: folders where every file is in the manifest, and the repository's own files. */
export const PROTECTED_DIRS = ['course/', 'kit/grade/', '.github/'];
export const PROTECTED_FILES = ['package.json', COURSE_CONFIG_FILE, WORKFLOW_FILE];

export interface ReleaseOptions {
  /** The kit's root (default: this kit). */
  kitRoot?: string;
  /** The instructor's config (default: <kit>/course.config.json; missing = no rescaling). */
  config?: string;
  /**
   * The students' language (default: the config's "language", else English): README, notebooks
   * (notebooks/<lang>/, under the English names so links work), stubs (exercises/i18n/<lang>/), and
   * course.config.json's "language", which makes grading, check() and CI speak it.
   */
  lang?: Lang;
}

export interface ReleaseTree {
  files: Map<string, Buffer>;
  course: CourseConfig;
  /** Points per exercise after rescaling, in chapter order. */
  points: Record<string, number>;
}

export const KIT_ROOT = PROJECT_ROOT;

function copy(kitRoot: string, rel: string, files: Map<string, Buffer>): void {
  const skip = (name: string, relative: string): boolean => IGNORED_NAMES.some((re) => re.test(name)) || IGNORED_PATHS.includes(relative);
  for (const file of listFiles(kitRoot, rel, { skip })) files.set(file, fs.readFileSync(path.join(kitRoot, file)));
}

function resolveRelative(kitRoot: string, from: string, spec: string): string | undefined {
  const base = posixPath(path.join(path.dirname(from), spec));
  return [base, `${base}.ts`, `${base}.js`, `${base}.json`, `${base}/index.ts`, `${base}/index.js`].find((c) => {
    const full = path.join(kitRoot, c);
    return fs.existsSync(full) && fs.statSync(full).isFile();
  });
}

/**
 * Adds every file the shipped code imports; refuses instructor-only targets (except those `allowed`
 * accepts: the Gradescope zip, kit/gradescope, ships the hidden graders) and dropped packages.
 */
export function followImports(kitRoot: string, files: Map<string, Buffer>, allowed: (target: string) => boolean = () => false): void {
  const queue = [...files.keys()];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (!/\.(ts|js|mjs|cjs)$/.test(file)) continue;
    const specs = ts.preProcessFile((files.get(file) as Buffer).toString('utf8'), true, true).importedFiles.map((f) => f.fileName);
    for (const spec of specs.filter((x) => x.startsWith('./') || x.startsWith('../'))) {
      const target = resolveRelative(kitRoot, file, spec);
      if (target === undefined) continue; // e.g. a path built at run time; a broken import fails the tests, not the release
      const forbidden = allowed(target) ? undefined : instructorOnly(target);
      if (forbidden !== undefined) throw new Error(`release: ${file} imports ${spec} (${target}), ${forbidden}, which never ships`);
      if (!files.has(target)) {
        files.set(target, fs.readFileSync(path.join(kitRoot, target)));
        queue.push(target);
      }
    }
    for (const spec of specs.filter((x) => !x.startsWith('.') && !path.isAbsolute(x))) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (name.startsWith('node:') || builtinModules.includes(name)) continue;
      if (isDropped(name)) throw new Error(`release: ${file} imports ${JSON.stringify(name)}, a dependency students do not get`);
    }
  }
}

function firstHeading(nbFile: string): string | undefined {
  const nb = readNotebook(nbFile);
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'markdown') continue;
    const text = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
    const m = /^#\s+(.+)$/m.exec(text);
    if (m !== null) return m[1].replace(/^[\w\s]*·\s*/, '').trim();
  }
  return undefined;
}

/**
 * The manifest a student repository carries: the kit's committed grading manifest, verified
 * against the kit first (every file it lists must ship unchanged, the grade script included),
 * extended with the repository's own protected files and folders.
 */
function studentManifest(kitRoot: string, files: ReadonlyMap<string, Buffer>): string {
  const check = verifyManifest(kitRoot);
  if (!check.ok) throw new Error(`release: refused, the kit's own graders do not match its manifest: ${check.message} (run npm run manifest if the change is intended)`);
  const manifest = parseManifest(fs.readFileSync(path.join(kitRoot, MANIFEST_RELATIVE_PATH), 'utf8')) as Manifest;
  const scripts = scriptEntries(JSON.parse((files.get('package.json') as Buffer).toString('utf8')) as { scripts?: Record<string, unknown> });
  for (const [entry, hash] of Object.entries(manifest.files)) {
    const shipped = entry in scripts ? scripts[entry] : files.has(entry) ? hashContent(files.get(entry) as Buffer) : undefined;
    if (shipped !== hash) throw new Error(`release: ${entry} is in the grading manifest but ${shipped === undefined ? 'not shipped' : 'shipped changed'}`);
  }
  for (const file of PROTECTED_FILES) manifest.files[file] = hashContent(files.get(file) as Buffer);
  for (const file of files.keys()) {
    if (file !== MANIFEST_RELATIVE_PATH && PROTECTED_DIRS.some((d) => file.startsWith(d)) && !(file in manifest.files)) throw new Error(`release: ${file} would ship in a protected folder without being in the grading manifest`);
  }
  return `${JSON.stringify({ ...manifest, protected: PROTECTED_DIRS }, null, 2)}\n`;
}

/** Builds the release in memory and scans it for leaks. @throws Error listing every leak. */
export function buildReleaseTree(options: ReleaseOptions = {}): ReleaseTree {
  const kitRoot = path.resolve(options.kitRoot ?? KIT_ROOT);
  const files = new Map<string, Buffer>();
  const put = (file: string, text: string): void => {
    files.set(file, Buffer.from(text, 'utf8'));
  };
  for (const dir of COPIED_DIRS) copy(kitRoot, dir, files);
  const exercises = listExercises(kitRoot);
  for (const e of exercises) {
    for (const part of [path.join(e.dir, 'exercise.json'), e.grader, e.drivers]) {
      if (part !== undefined) files.set(posixPath(path.relative(kitRoot, part)), fs.readFileSync(part));
    }
  }
  followImports(kitRoot, files);

  const known = exercises.map((e) => e.name);
  const course = readCourseConfig(path.resolve(options.config ?? path.join(kitRoot, COURSE_CONFIG_FILE)), known);
  const points: Record<string, number> = {};
  for (const e of exercises) points[e.name] = course.exercises[e.name]?.points ?? loadGrader(e.grader).checks.reduce((t, c) => t + c.points, 0);
  const lang = options.lang ?? course.language ?? 'en';
  const resolved: CourseConfig = { title: course.title, exercises: {}, ...(lang === 'en' ? {} : { language: lang }) };
  for (const name of known) resolved.exercises[name] = { ...course.exercises[name], points: points[name] };

  const translated = (dir: string, file: string): string => {
    const t = path.join(kitRoot, dir, path.basename(file));
    if (!fs.existsSync(t)) throw new Error(`release: --lang ${lang} needs ${posixPath(path.join(dir, path.basename(file)))}, the translation of ${posixPath(path.relative(kitRoot, file))}`);
    return t;
  };
  const notebookFiles = listNotebooks(path.join(kitRoot, 'notebooks'));
  for (const nbFile of notebookFiles) {
    const name = `notebooks/${path.basename(nbFile)}`;
    const source = lang === 'en' ? nbFile : translated(translatedNotebooksDir(lang), nbFile);
    put(name, notebookJson(studentNotebook(readNotebook(source), name)));
  }
  if (lang !== 'en') {
    for (const e of exercises) files.set(`exercises/${e.file}`, fs.readFileSync(translated(translatedStubsDir(lang), path.join(kitRoot, 'exercises', e.file))));
  }
  const kitPackage = JSON.parse(fs.readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as KitPackage;
  const kitTsconfig = JSON.parse(fs.readFileSync(path.join(kitRoot, 'tsconfig.json'), 'utf8')) as { compilerOptions?: Record<string, unknown> };
  put('package.json', studentPackageJson(kitPackage, course.title));
  put('tsconfig.json', studentTsconfig(kitTsconfig));
  put(COURSE_CONFIG_FILE, courseConfigJson(resolved, known));
  put('.gitignore', STUDENT_GITIGNORE);
  put('.gitattributes', STUDENT_GITATTRIBUTES);
  put(WORKFLOW_FILE, classroomWorkflow(course.title));
  const chapters = new Map(notebookFiles.map((f) => [path.basename(f, '.ipynb'), f]));
  const readmeExercises: ReadmeExercise[] = exercises.map((e) => {
    const nb = chapters.get(e.chapter);
    const shown = nb === undefined || lang === 'en' ? nb : path.join(kitRoot, translatedNotebooksDir(lang), path.basename(nb));
    return { name: e.name, chapter: e.chapter, chapterTitle: shown === undefined ? undefined : firstHeading(shown), hasNotebook: nb !== undefined, points: points[e.name] };
  });
  put('README.md', studentReadme(resolved, readmeExercises, notebookFiles.map((f) => path.basename(f)), lang));
  put(MANIFEST_RELATIVE_PATH, studentManifest(kitRoot, files));

  const leaks = findLeaks(files, secretLines(kitRoot));
  if (leaks.length > 0) {
    const shown = leaks.slice(0, 20).map((l) => `  ${l.file}: ${l.what}`);
    throw new Error(`release: refused, ${leaks.length} leak(s) of solutions or hidden tests:\n${shown.join('\n')}${leaks.length > 20 ? '\n  …' : ''}`);
  }
  const sorted = new Map([...files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  return { files: sorted, course: resolved, points };
}
