import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "miniBatches drops the last, smaller batch",
  patch: [
    ["for (let start = 0; start < n; start += batchSize)", "for (let start = 0; start + batchSize <= n; start += batchSize)"],
  ],
};

export default mutant;
