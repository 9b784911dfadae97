'use strict';
// `import { fromOp, gradOf } from 'descent/internal'`: the library's internals (src/internal.ts).
module.exports = require('./boot').requireSource('src/internal.ts');
