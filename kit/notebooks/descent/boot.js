'use strict';
// Loads the project's TypeScript sources in a tslab kernel (or any plain Node process): registers
// tsx's supported CommonJS hook (`tsx/cjs/api`, the kit's one TypeScript loader, see
// kit/shared/typescript.ts), then requires the file. This file is plain JavaScript because it is
// what makes TypeScript loadable. See kit/notebooks/README.md ("How notebooks import").
const path = require('path');

/** The project root: this file is <root>/kit/notebooks/descent/boot.js (symlinks resolved). */
const ROOT = path.resolve(__dirname, '..', '..', '..');

function registerTypeScript() {
  if (require.extensions['.ts']) return; // tsx (the CLIs, vitest) or an earlier call already did
  const api = require(require.resolve('tsx/cjs/api', { paths: [ROOT] }));
  api.register();
}

/** Requires `relative` (a path from the project root) with the `.ts` hook registered. */
function requireSource(relative) {
  registerTypeScript();
  return require(path.join(ROOT, relative));
}

module.exports = { ROOT, registerTypeScript, requireSource };
