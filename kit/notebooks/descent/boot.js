'use strict';
// Loads the project's TypeScript sources in a tslab kernel (or any plain Node process):
// registers a `.ts` require hook (esbuild from tsx, else the project's `typescript`), then requires
// the file. This file is plain JavaScript because it is what makes TypeScript loadable.
// See kit/notebooks/README.md ("How notebooks import").
const path = require('path');
const fs = require('fs');

/** The project root: this file is <root>/kit/notebooks/descent/boot.js (symlinks resolved). */
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** esbuild (installed with tsx) transpiles ~10x faster than TypeScript; either will do. */
function transpiler() {
  try {
    const tsxDir = path.dirname(require.resolve('tsx/package.json', { paths: [ROOT] }));
    const esbuild = require(require.resolve('esbuild', { paths: [tsxDir] }));
    return (source, filename) => esbuild.transformSync(source, {
      loader: 'ts', format: 'cjs', target: 'es2022', sourcemap: 'inline', sourcefile: filename,
    }).code;
  } catch {
    const ts = require(require.resolve('typescript', { paths: [ROOT] }));
    const compilerOptions = {
      module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true,
      resolveJsonModule: true, inlineSourceMap: true, inlineSources: true,
    };
    return (source, filename) => ts.transpileModule(source, { fileName: filename, compilerOptions }).outputText;
  }
}

function registerTypeScript() {
  if (require.extensions['.ts']) return; // tsx, ts-node or an earlier call already did
  const transpile = transpiler();
  require.extensions['.ts'] = function loadTypeScript(module, filename) {
    module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
  };
  if (typeof process.setSourceMapsEnabled === 'function') process.setSourceMapsEnabled(true);
}

/** Requires `relative` (a path from the project root) with the `.ts` hook registered. */
function requireSource(relative) {
  registerTypeScript();
  return require(path.join(ROOT, relative));
}

module.exports = { ROOT, registerTypeScript, requireSource };
