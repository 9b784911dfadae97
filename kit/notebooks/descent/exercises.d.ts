// Types of `import … from 'descent/exercises'`: the exercise files themselves (the contract of
// issue 3). tslab checks cells against the student's current signatures.
export * from '../../../exercises/mse';
export * from '../../../exercises/cross-entropy';
export * from '../../../exercises/gradient-descent';
export * from '../../../exercises/minibatch';
export * from '../../../exercises/autograd';
export * from '../../../exercises/optimizers';
