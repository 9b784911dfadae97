/**
 * OpenBLAS for the `torch-openblas` peer, without installing anything system-wide: Debian's
 * python3-torch calls whatever libblas.so.3 the dynamic linker finds, so putting OpenBLAS's first
 * on LD_LIBRARY_PATH gives PyTorch with a tuned BLAS. The bench unpacks Debian's package itself:
 *
 *   apt-get download libopenblas0-pthread       (into build/bench/openblas, once)
 *   dpkg -x libopenblas0-pthread_*.deb .        (…/usr/lib/<triplet>/openblas-pthread/libblas.so.3)
 *
 * and libgfortran5 the same way when the system lacks libgfortran.so.5 (OpenBLAS links to it).
 * `--openblas DIR` (or OPENBLAS_DIR) names a directory instead.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const OPENBLAS_PACKAGE = 'libopenblas0-pthread';

export type OpenblasFound = { path: string; source: string } | { reason: string };

/** The first file named `name` below `dir` (the unpacked tree), or null. */
function find(dir: string, name: string): string | null {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const hit = find(full, name);
      if (hit !== null) return hit;
    } else if (entry.name === name && full.includes('openblas')) {
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

/** OpenBLAS from `explicit` (a directory), else unpacked into `cacheDir`; or why not. */
export function findOpenblas(explicit: string | undefined, cacheDir: string): OpenblasFound {
  if (explicit !== undefined) {
    return fs.existsSync(path.join(explicit, 'libblas.so.3'))
      ? { path: explicit, source: `given: ${explicit}` }
      : { reason: `--openblas ${explicit} holds no libblas.so.3` };
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const failed = unpack(OPENBLAS_PACKAGE, cacheDir);
  if (failed !== null) return { reason: `could not unpack ${OPENBLAS_PACKAGE} (${failed}); pass --openblas <dir>` };
  const blas = find(cacheDir, 'libblas.so.3');
  if (blas === null) return { reason: `${OPENBLAS_PACKAGE} unpacked into ${cacheDir} holds no libblas.so.3` };
  const dirs = [path.dirname(blas)];
  if (!systemHas('libgfortran.so.5')) {
    const gfortran = unpack('libgfortran5', cacheDir);
    if (gfortran !== null) return { reason: `OpenBLAS needs libgfortran.so.5, which could not be unpacked (${gfortran})` };
    dirs.push(path.dirname(blas).replace(/\/openblas-pthread$/, ''));
  }
  const deb = fs.readdirSync(cacheDir).find((f) => f.startsWith(`${OPENBLAS_PACKAGE}_`)) as string;
  return { path: dirs.join(path.delimiter), source: `${deb}, unpacked by the bench into ${path.relative(process.cwd(), cacheDir) || cacheDir}` };
}
