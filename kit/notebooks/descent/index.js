'use strict';
// `import { tensor, Adam } from 'descent'`: the library, straight from src/ (no build step).
module.exports = require('./boot').requireSource('src/index.ts');
