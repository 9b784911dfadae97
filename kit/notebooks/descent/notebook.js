'use strict';
// `import { show, plotSetup, check } from 'descent/notebook'`: the notebook helpers.
module.exports = require('./boot').requireSource('kit/notebooks/helpers/index.ts');
