// Types of `import … from 'descent/exercises'`: the exercise files themselves (their contract).
// tslab checks cells against the student's current signatures. Written by `npm run manifest`
// (kit/author/sync.ts) from the exercise folders in course/: do not edit.
export * from '../../../exercises/mse';
export * from '../../../exercises/cross-entropy';
export * from '../../../exercises/gradient-descent';
export * from '../../../exercises/minibatch';
export * from '../../../exercises/autograd';
export * from '../../../exercises/partial-derivatives';
export * from '../../../exercises/optimizers';
