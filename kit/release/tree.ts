/**
 * The student repository as a map of files (path → content), built in memory from the kit: the
 * folders a student needs, copied; what they import, followed; the notebooks stubbed; the
 * generated project files. Nothing is written here, so the leak scan sees everything first.
 */
import fs from 'fs';
import { builtinModules } from 'module';
import path from 'path';
import ts from 'typescript';
import { loadGraders } from '../grade/engine';
import { hashContent, Manifest, MANIFEST_RELATIVE_PATH, verifyManifest } from '../grade/manifest';
import { listNotebooks, readNotebook } from '../notebooks/notebook';
import { COURSE_CONFIG_FILE, CourseConfig, readCourseConfig, STUDENT_COURSE_FILE, studentCourseJson } from './course/course';
import { Checksums, CHECKSUMS_FILE, digest } from './course/integrity';
import { findLeaks, FORBIDDEN_PREFIXES, secretLines } from './leaks';
import { notebookJson, studentNotebook } from './notebooks';
import { ReadmeExercise, studentReadme } from './readme';
import { isDropped, KitPackage, STUDENT_GITATTRIBUTES, STUDENT_GITIGNORE, STUDENT_SCRIPTS, studentPackageJson, studentTsconfig } from './student';
import { classroomWorkflow, WORKFLOW_FILE } from './workflow';

/** Folders copied whole (minus IGNORED_NAMES); files they import are followed. */
export const COPIED_DIRS = ['src', 'exercises', 'kit/grade', 'kit/notebooks', 'kit/book', 'test/graders'];
/** Never copied from a copied folder. */
export const IGNORED_NAMES = [/^node_modules$/, /^__pycache__$/, /^\.DS_Store$/, /\.pyc$/, /\.map$/, /\.tsbuildinfo$/, /^\.ipynb_checkpoints$/];
/** The student-side sources in the kit, and where a release puts them. */
export const COURSE_SOURCE_DIR = 'kit/release/course';
export const COURSE_TARGET_DIR = 'kit/course';
/** Protected in a student repository: every file listed in the checksums, nothing added. */
export const PROTECTED_DIRS = ['test/', 'kit/grade/', 'kit/course/', '.github/'];
export const PROTECTED_FILES = ['package.json', STUDENT_COURSE_FILE];

export interface ReleaseOptions {
  /** The kit's root (default: this kit). */
  kitRoot?: string;
  /** The instructor's config (default: <kit>/course.config.json; missing = no rescaling). */
  config?: string;
}

export interface ReleaseTree {
  files: Map<string, Buffer>;
  course: CourseConfig;
  /** Points per exercise after rescaling, in chapter order. */
  points: Record<string, number>;
}

export const KIT_ROOT = path.resolve(__dirname, '..', '..');

function posix(p: string): string {
  return p.split(path.sep).join('/');
}

export function walk(root: string, rel: string, out: Map<string, Buffer>): void {
  for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (IGNORED_NAMES.some((re) => re.test(entry.name))) continue;
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) walk(root, child, out);
    else if (entry.isFile()) out.set(child, fs.readFileSync(path.join(root, child)));
  }
}

/** The module specifiers of a file: imports, re-exports, require() and import() (TypeScript's pre-processor). */
function specifiers(file: string, text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function resolveRelative(kitRoot: string, from: string, spec: string): string | undefined {
  const base = posix(path.join(path.dirname(from), spec));
  return [base, `${base}.ts`, `${base}.js`, `${base}.json`, `${base}/index.ts`, `${base}/index.js`].find((c) => {
    const full = path.join(kitRoot, c);
    return fs.existsSync(full) && fs.statSync(full).isFile();
  });
}

/**
 * Adds every file the shipped code imports; refuses forbidden targets and dropped packages, except
 * under the `allowed` prefixes (the Gradescope zip, kit/gradescope, ships test/hidden/).
 */
export function followImports(kitRoot: string, files: Map<string, Buffer>, allowed: readonly string[] = []): void {
  const queue = [...files.keys()];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (!/\.(ts|js|mjs|cjs)$/.test(file)) continue;
    const text = (files.get(file) as Buffer).toString('utf8');
    const specs = specifiers(file, text);
    for (const spec of specs.filter((x) => x.startsWith('./') || x.startsWith('../'))) {
      const target = resolveRelative(kitRoot, file, spec);
      if (target === undefined) continue; // e.g. a path built at run time; a broken import fails the tests, not the release
      const forbidden = FORBIDDEN_PREFIXES.find((p) => target.startsWith(p) && !allowed.some((a) => target.startsWith(a)));
      if (forbidden !== undefined) throw new Error(`release: ${file} imports ${spec} (${target}), inside ${forbidden}, which never ships`);
      if (!files.has(target)) {
        files.set(target, fs.readFileSync(path.join(kitRoot, target)));
        queue.push(target);
      }
    }
    for (const spec of specs.filter((x) => !x.startsWith('.') && !path.isAbsolute(x))) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (name.startsWith('node:') || builtinModules.includes(name)) continue;
      if (isDropped(name) && !(name === 'vitest' && /^test\/(graders|hidden)\//.test(file))) {
        throw new Error(`release: ${file} imports ${JSON.stringify(name)}, a dependency students do not get`);
      }
    }
  }
}

/** kit/release/course/x.ts imports '../../grade/…'; as kit/course/x.ts it must import '../grade/…'. */
export function relocateCourseSource(file: string, text: string): string {
  return text.replace(/(['"])(\.\.\/[^'"]*)\1/g, (whole, quote: string, spec: string) => {
    if (!spec.startsWith('../../')) throw new Error(`release: ${file} imports ${spec}, which is inside kit/release (never shipped)`);
    return `${quote}${spec.slice(3)}${quote}`;
  });
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
 * The grading manifest a student repository carries: the kit's committed manifest (issue 5's
 * kit/grade/manifest.json), verified against the kit first, with only the `grade` script's entry
 * changed to the student's `npm run grade`. Every file it lists must ship with the same hash.
 */
function studentManifest(kitRoot: string, files: ReadonlyMap<string, Buffer>): string {
  const check = verifyManifest(kitRoot);
  if (!check.ok) throw new Error(`release: refused, the kit's own graders do not match its manifest: ${check.message} (run npm run manifest if the change is intended)`);
  const manifest = JSON.parse(fs.readFileSync(path.join(kitRoot, MANIFEST_RELATIVE_PATH), 'utf8')) as Manifest;
  for (const [entry, hash] of Object.entries(manifest.files)) {
    if (entry.startsWith('package.json#scripts.')) {
      const script = STUDENT_SCRIPTS[entry.slice('package.json#scripts.'.length)];
      manifest.files[entry] = hashContent(Buffer.from(script ?? '(missing)'));
      continue;
    }
    const shipped = files.get(entry);
    if (shipped === undefined || hashContent(shipped) !== hash) throw new Error(`release: ${entry} is in the grading manifest but ${shipped === undefined ? 'not shipped' : 'shipped changed'}`);
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Builds the release in memory and scans it for leaks. @throws Error listing every leak. */
export function buildReleaseTree(options: ReleaseOptions = {}): ReleaseTree {
  const kitRoot = path.resolve(options.kitRoot ?? KIT_ROOT);
  const files = new Map<string, Buffer>();
  const put = (file: string, text: string): void => {
    files.set(file, Buffer.from(text, 'utf8'));
  };
  for (const dir of COPIED_DIRS) walk(kitRoot, dir, files);
  followImports(kitRoot, files);

  const specs = loadGraders(path.join(kitRoot, 'test', 'graders')).map((g) => g.spec);
  specs.sort((a, b) => a.chapter.localeCompare(b.chapter));
  const known = specs.map((s) => s.exercise);
  const course = readCourseConfig(path.resolve(options.config ?? path.join(kitRoot, COURSE_CONFIG_FILE)), known);
  const points: Record<string, number> = {};
  for (const s of specs) points[s.exercise] = course.exercises[s.exercise]?.points ?? s.checks.reduce((t, c) => t + c.points, 0);
  const resolved: CourseConfig = { title: course.title, exercises: {} };
  for (const name of known) resolved.exercises[name] = { ...course.exercises[name], points: points[name] };

  const notebookFiles = listNotebooks(path.join(kitRoot, 'notebooks'));
  for (const nbFile of notebookFiles) {
    const name = `notebooks/${path.basename(nbFile)}`;
    put(name, notebookJson(studentNotebook(readNotebook(nbFile), name)));
  }
  const sourceDir = path.join(kitRoot, COURSE_SOURCE_DIR);
  for (const f of fs.readdirSync(sourceDir).filter((n) => n.endsWith('.ts')).sort()) {
    put(`${COURSE_TARGET_DIR}/${f}`, relocateCourseSource(f, fs.readFileSync(path.join(sourceDir, f), 'utf8')));
  }
  const kitPackage = JSON.parse(fs.readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as KitPackage;
  const kitTsconfig = JSON.parse(fs.readFileSync(path.join(kitRoot, 'tsconfig.json'), 'utf8')) as { compilerOptions?: Record<string, unknown> };
  put('package.json', studentPackageJson(kitPackage, course.title));
  put('tsconfig.json', studentTsconfig(kitTsconfig));
  put(STUDENT_COURSE_FILE, studentCourseJson(resolved, known));
  put('.gitignore', STUDENT_GITIGNORE);
  put('.gitattributes', STUDENT_GITATTRIBUTES);
  put(WORKFLOW_FILE, classroomWorkflow(course.title));
  const chapters = new Map(notebookFiles.map((f) => [path.basename(f, '.ipynb'), f]));
  const readmeExercises: ReadmeExercise[] = specs.map((s) => {
    const nb = chapters.get(s.chapter);
    return { name: s.exercise, chapter: s.chapter, chapterTitle: nb === undefined ? undefined : firstHeading(nb), points: points[s.exercise] };
  });
  put('README.md', studentReadme(course, readmeExercises, notebookFiles.map((f) => path.basename(f))));

  put(MANIFEST_RELATIVE_PATH, studentManifest(kitRoot, files));

  const checksums: Checksums = { algorithm: 'sha256', protected: PROTECTED_DIRS, files: {} };
  for (const file of [...files.keys()].sort()) {
    if (PROTECTED_FILES.includes(file) || PROTECTED_DIRS.some((d) => file.startsWith(d))) {
      checksums.files[file] = digest(files.get(file) as Buffer);
    }
  }
  put(CHECKSUMS_FILE, `${JSON.stringify(checksums, null, 2)}\n`);

  const leaks = findLeaks(files, secretLines(kitRoot));
  if (leaks.length > 0) {
    const shown = leaks.slice(0, 20).map((l) => `  ${l.file}: ${l.what}`);
    throw new Error(`release: refused, ${leaks.length} leak(s) of solutions or hidden tests:\n${shown.join('\n')}${leaks.length > 20 ? '\n  …' : ''}`);
  }
  const sorted = new Map([...files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  return { files: sorted, course: resolved, points };
}
