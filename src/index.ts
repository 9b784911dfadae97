/**
 * descent — the course kit's library: tensors with autograd, a scalar Value engine, losses,
 * optimizers, layers, seeded data sets and gradient checks. Its numbers match PyTorch.
 */
export * from './tensor';
export * from './losses';
export * from './checks';
export * from './value';
export * from './data';
export * from './optim';
export * from './nn';
export * from './symbolic';
export * from './plot';
export * from './landscape';
