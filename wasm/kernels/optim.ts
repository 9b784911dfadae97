/**
 * The optimizers' update loops on f64x2 lanes, in place on θ and the optimizer's state. Each one
 * performs the operations of its JavaScript step function in src/optim (sgdStep, adagradStep,
 * rmspropStep, adamUpdate) in the same order, so both give the same bits; the step-dependent
 * scalars (bias corrections, the decayed learning rate) are computed once in JavaScript and passed
 * in. The algorithms and their PyTorch conventions are documented in src/optim (chapter
 * 07-optimizers).
 */

// @ts-ignore: decorator
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 3);
}

/**
 * Adam / AdamW: θ ← θ·decay (AdamW's decoupled decay, 1 for Adam), g ← g + l2·θ,
 * m ← β₁m + (1 − β₁)g, s ← β₂s + (1 − β₂)g², ŝ ← max(ŝ, s) (amsgrad),
 * θ ← θ − (stepSize · m) / (√s / c₂ + ε) with stepSize = η / (1 − β₁ᵗ) and c₂ = √(1 − β₂ᵗ)
 * (chapter 07's notation: η the learning rate, ω the weight decay, s the second moments).
 */
export function adam(
  theta: usize, grad: usize, m: usize, v: usize, vmax: usize, n: i32,
  stepSize: f64, c2: f64, beta1: f64, beta2: f64, eps: f64, l2: f64, decay: f64, amsgrad: i32,
): void {
  const b1 = f64x2.splat(beta1), b2 = f64x2.splat(beta2);
  const r1 = f64x2.splat(1 - beta1), r2 = f64x2.splat(1 - beta2);
  const ss = f64x2.splat(stepSize), cc = f64x2.splat(c2), ee = f64x2.splat(eps);
  const wd = f64x2.splat(l2), dd = f64x2.splat(decay);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    let th = v128.load(at(theta, i));
    if (decay != 1) th = f64x2.mul(th, dd);
    let g = v128.load(at(grad, i));
    if (l2 != 0) g = f64x2.add(g, f64x2.mul(wd, th));
    const mi = f64x2.add(f64x2.mul(v128.load(at(m, i)), b1), f64x2.mul(r1, g));
    let vi = f64x2.add(f64x2.mul(v128.load(at(v, i)), b2), f64x2.mul(f64x2.mul(r2, g), g));
    v128.store(at(m, i), mi);
    v128.store(at(v, i), vi);
    if (amsgrad) {
      vi = f64x2.max(v128.load(at(vmax, i)), vi);
      v128.store(at(vmax, i), vi);
    }
    const step = f64x2.div(f64x2.mul(ss, mi), f64x2.add(f64x2.div(f64x2.sqrt(vi), cc), ee));
    v128.store(at(theta, i), f64x2.sub(th, step));
  }
  for (; i < n; i++) {
    let th = load<f64>(at(theta, i));
    if (decay != 1) th *= decay;
    let g = load<f64>(at(grad, i));
    if (l2 != 0) g = g + l2 * th;
    const mi = load<f64>(at(m, i)) * beta1 + (1 - beta1) * g;
    let vi = load<f64>(at(v, i)) * beta2 + (1 - beta2) * g * g;
    store<f64>(at(m, i), mi);
    store<f64>(at(v, i), vi);
    if (amsgrad) {
      vi = Math.max(load<f64>(at(vmax, i)), vi);
      store<f64>(at(vmax, i), vi);
    }
    store<f64>(at(theta, i), th - (stepSize * mi) / (Math.sqrt(vi) / c2 + eps));
  }
}

/**
 * SGD: g ← g + ωθ; without momentum θ ← θ − ηg; with momentum μ the buffer v ← g on the first step,
 * else v ← μv + (1 − τ)g, and θ ← θ − η(g + μv) (nesterov) or θ − ηv.
 */
export function sgd(
  theta: usize, grad: usize, buf: usize, n: i32,
  lr: f64, mu: f64, dampening: f64, wd: f64, nesterov: i32, first: i32,
): void {
  const keep = 1 - dampening;
  for (let i = 0; i < n; i++) {
    const th = load<f64>(at(theta, i));
    let g = load<f64>(at(grad, i));
    if (wd != 0) g = g + wd * th;
    if (mu == 0) {
      store<f64>(at(theta, i), th - lr * g);
      continue;
    }
    const b = first ? g : load<f64>(at(buf, i)) * mu + keep * g;
    store<f64>(at(buf, i), b);
    store<f64>(at(theta, i), th - lr * (nesterov ? g + mu * b : b));
  }
}

/** Adagrad: g ← g + ωθ, s ← s + g², θ ← θ − η̃g / (√s + ε) with the decayed rate η̃ = clr. */
export function adagrad(theta: usize, grad: usize, sum: usize, n: i32, clr: f64, wd: f64, eps: f64): void {
  const cv = f64x2.splat(clr), ev = f64x2.splat(eps), wv = f64x2.splat(wd);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const th = v128.load(at(theta, i));
    let g = v128.load(at(grad, i));
    if (wd != 0) g = f64x2.add(g, f64x2.mul(wv, th));
    const s = f64x2.add(v128.load(at(sum, i)), f64x2.mul(g, g));
    v128.store(at(sum, i), s);
    v128.store(at(theta, i), f64x2.sub(th, f64x2.div(f64x2.mul(cv, g), f64x2.add(f64x2.sqrt(s), ev))));
  }
  for (; i < n; i++) {
    const th = load<f64>(at(theta, i));
    let g = load<f64>(at(grad, i));
    if (wd != 0) g = g + wd * th;
    const s = load<f64>(at(sum, i)) + g * g;
    store<f64>(at(sum, i), s);
    store<f64>(at(theta, i), th - (clr * g) / (Math.sqrt(s) + eps));
  }
}

/**
 * RMSprop: g ← g + ωθ, s ← αs + (1 − α)g², d = √(s − ḡ²) + ε with ḡ ← αḡ + (1 − α)g (centered)
 * or √s + ε; then v ← μv + g/d, θ ← θ − ηv (momentum) or θ ← θ − ηg/d.
 */
export function rmsprop(
  theta: usize, grad: usize, sq: usize, gavg: usize, buf: usize, n: i32,
  lr: f64, alpha: f64, eps: f64, wd: f64, mu: f64, centered: i32,
): void {
  const rest = 1 - alpha;
  for (let i = 0; i < n; i++) {
    const th = load<f64>(at(theta, i));
    let g = load<f64>(at(grad, i));
    if (wd != 0) g = g + wd * th;
    const vi = load<f64>(at(sq, i)) * alpha + rest * g * g;
    store<f64>(at(sq, i), vi);
    let avg: f64;
    if (centered) {
      const mm = load<f64>(at(gavg, i)) * alpha + rest * g;
      store<f64>(at(gavg, i), mm);
      avg = Math.sqrt(vi - mm * mm) + eps;
    } else {
      avg = Math.sqrt(vi) + eps;
    }
    if (mu > 0) {
      const b = load<f64>(at(buf, i)) * mu + g / avg;
      store<f64>(at(buf, i), b);
      store<f64>(at(theta, i), th - lr * b);
    } else {
      store<f64>(at(theta, i), th - (lr * g) / avg);
    }
  }
}
