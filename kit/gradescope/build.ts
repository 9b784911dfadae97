/**
 * The Gradescope autograder zip: setup.sh and run_autograder at its root, then the project files
 * of files.ts, the zip's package.json and pruned lock, and gradescope.json (settings.ts).
 */
import { isLang, LANGS, type Lang } from '../grade/i18n/lang';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { KIT_ROOT } from '../release/tree';
import type { KitPackage } from '../release/student';
import { COURSE_CONFIG_FILE } from '../grade/config';
import { autograderFiles } from './files';
import { autograderPackageJson, importedPackages, prunedLock } from './package';
import { GradescopeSettings, parseSettings, SETTINGS_FILE } from './runtime/settings';
import { runScript, setupScript } from './scripts';
import { writeZip, ZipEntry } from './zip';

/** Languages of the grading feedback: the grader's catalogues (kit/grade/i18n). */
export const LANGUAGES = LANGS;
export type Language = Lang;

export interface BuildOptions {
  /** The zip to write. */
  out: string;
  /** The instructor's config (default: course.config.json of the kit). */
  config?: string;
  lang?: string;
  kitRoot?: string;
}

export interface BuildResult {
  out: string;
  bytes: number;
  entries: string[];
  settings: GradescopeSettings;
  points: Record<string, number>;
}

/** The `gradescope` section of the config file (undefined when the file or the section is missing). */
function gradescopeSection(configFile: string): unknown {
  if (!fs.existsSync(configFile)) return undefined;
  return (JSON.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>).gradescope;
}

/** The config's top-level "language" (the students'), when it has one. */
function configLanguage(configFile: string): unknown {
  if (!fs.existsSync(configFile)) return undefined;
  return (JSON.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>).language;
}

export async function buildAutograder(options: BuildOptions): Promise<BuildResult> {
  if (!/\.zip$/i.test(options.out)) throw new RangeError(`gradescope: OUT must be a .zip file, received ${JSON.stringify(options.out)}`);
  const kitRoot = path.resolve(options.kitRoot ?? KIT_ROOT);
  const config = path.resolve(options.config ?? path.join(kitRoot, COURSE_CONFIG_FILE));
  if (options.config !== undefined && !fs.existsSync(config)) throw new RangeError(`gradescope: --config must be an existing file, received ${JSON.stringify(options.config)}`);
  const lang = options.lang ?? configLanguage(config) ?? 'en';
  if (!isLang(lang)) throw new RangeError(`gradescope: --lang must be one of ${LANGUAGES.join(', ')}, received ${JSON.stringify(lang)}`);
  const parsed = parseSettings(gradescopeSection(config), crypto.randomInt(2 ** 31), `${path.basename(config)}: gradescope`);
  const settings: GradescopeSettings = { ...(lang === 'en' ? {} : { lang }), hiddenVisibility: parsed.hiddenVisibility, seed: parsed.seed, studentTimeout: parsed.studentTimeout };
  const { files, tree } = autograderFiles(kitRoot, config);
  const kit = JSON.parse(fs.readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as KitPackage;
  const packageJson = autograderPackageJson(kit, importedPackages(files));
  const entries: ZipEntry[] = [
    { name: 'setup.sh', content: Buffer.from(setupScript()), executable: true },
    { name: 'run_autograder', content: Buffer.from(runScript()), executable: true },
    { name: 'package.json', content: Buffer.from(packageJson) },
    { name: 'package-lock.json', content: Buffer.from(prunedLock(kitRoot, packageJson)) },
    { name: SETTINGS_FILE, content: Buffer.from(`${JSON.stringify(settings, null, 2)}\n`) },
    ...[...files].map(([name, content]) => ({ name, content })),
  ];
  const out = path.resolve(options.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const bytes = await writeZip(out, entries);
  return { out, bytes, entries: entries.map((e) => e.name), settings, points: tree.points };
}
