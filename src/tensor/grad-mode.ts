/**
 * Grad mode: inside `noGrad(fn)` no graph is recorded, as under PyTorch's `torch.no_grad()`.
 * Use it for evaluation and for plotting a loss surface, where no gradient is needed.
 */
let enabled = true;

export function isGradEnabled(): boolean {
  return enabled;
}

export function noGrad<T>(fn: () => T): T {
  const previous = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}
