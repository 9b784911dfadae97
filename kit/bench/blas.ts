/**
 * The BLAS of each PyTorch peer, without installing anything system-wide: Debian's python3-torch
 * calls whatever libblas.so.3 the dynamic linker finds first, so a directory on LD_LIBRARY_PATH
 * picks it. The bench unpacks Debian's packages itself, once, into build/bench/<kind>:
 *
 *   `torch`           libblas3, the reference BLAS python3-torch pulls in by default
 *                     (apt-get download libblas3; dpkg -x → …/usr/lib/<triplet>/blas/libblas.so.3)
 *   `torch-openblas`  libopenblas0-pthread, a tuned BLAS (…/openblas-pthread/libblas.so.3), and
 *                     libgfortran5 the same way when the system lacks libgfortran.so.5
 *
 * `--openblas DIR` (or OPENBLAS_DIR) names OpenBLAS's directory instead.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export type BlasKind = 'reference' | 'openblas';

/** The Debian package of each kind, and the folder its libblas.so.3 sits in. */
export const BLAS_PACKAGES: Record<BlasKind, { pkg: string; folder: string }> = {
  reference: { pkg: 'libblas3', folder: 'blas' },
  openblas: { pkg: 'libopenblas0-pthread', folder: 'openblas-pthread' },
};

export type BlasFound = { path: string; source: string } | { reason: string };

/** The first libblas.so.3 below `dir` (the unpacked tree) inside a folder named `folder`, or null. */
function find(dir: string, folder: string): string | null {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const hit = find(full, folder);
      if (hit !== null) return hit;
    } else if (entry.name === 'libblas.so.3' && path.basename(dir) === folder) {
      return full;
    }
  }
  return null;
}

function run(command: string, args: string[], cwd: string): string | null {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (r.error) return `${command}: ${r.error.message}`;
  if (r.status !== 0) return `${command} ${args.join(' ')}: exit code ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-2).join(' ')}`;
  return null;
}

/** Downloads and unpacks one Debian package into `dir` (a no-op when its .deb is already there). */
function unpack(pkg: string, dir: string): string | null {
  let deb = fs.readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (deb === undefined) {
    const failed = run('apt-get', ['download', pkg], dir);
    if (failed !== null) return failed;
    deb = fs.readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
    if (deb === undefined) return `apt-get download ${pkg} left no .deb in ${dir}`;
  }
  return run('dpkg', ['-x', deb, '.'], dir);
}

function systemHas(library: string): boolean {
  const r = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes(library);
}

/** The BLAS of `kind` from `explicit` (a directory), else unpacked into `cacheDir`; or why not. */
export function findBlas(kind: BlasKind, explicit: string | undefined, cacheDir: string): BlasFound {
  if (explicit !== undefined) {
    return fs.existsSync(path.join(explicit, 'libblas.so.3'))
      ? { path: explicit, source: `given: ${explicit}` }
      : { reason: `${explicit} holds no libblas.so.3` };
  }
  const { pkg, folder } = BLAS_PACKAGES[kind];
  fs.mkdirSync(cacheDir, { recursive: true });
  const failed = unpack(pkg, cacheDir);
  if (failed !== null) return { reason: `could not unpack ${pkg} (${failed})` };
  const blas = find(cacheDir, folder);
  if (blas === null) return { reason: `${pkg} unpacked into ${cacheDir} holds no ${folder}/libblas.so.3` };
  const dirs = [path.dirname(blas)];
  if (kind === 'openblas' && !systemHas('libgfortran.so.5')) {
    const gfortran = unpack('libgfortran5', cacheDir);
    if (gfortran !== null) return { reason: `OpenBLAS needs libgfortran.so.5, which could not be unpacked (${gfortran})` };
    dirs.push(path.dirname(path.dirname(blas)));
  }
  const deb = fs.readdirSync(cacheDir).find((f) => f.startsWith(`${pkg}_`)) as string;
  return { path: dirs.join(path.delimiter), source: `${deb}, unpacked by the bench into ${path.relative(process.cwd(), cacheDir) || cacheDir}` };
}
