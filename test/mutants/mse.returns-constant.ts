import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "mse.ts",
  mistake: "mse returns the answer of the first example (4/3) whatever its input",
  patch: [
    ["  checkPair('mse', yHat, y);\n", "  checkPair('mse', yHat, y);\n  if (y.length > 0) return 4 / 3;\n"],
  ],
  mustFail: [
    'mse is the mean of the squared errors',
    'mse squares errors of both signs',
    'mse matches PyTorch (F.mse_loss, reduction "mean")',
    'randomized: mse on 20 random cases',
  ],
};

export default mutant;
