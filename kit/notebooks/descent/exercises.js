'use strict';
// `import { mse } from 'descent/exercises'`: the student's exercises/*.ts, type-checked and
// reloaded when a file changes, through live bindings (see kit/notebooks/live.ts).
module.exports = require('./boot').requireSource('kit/notebooks/live.ts').exercises();
