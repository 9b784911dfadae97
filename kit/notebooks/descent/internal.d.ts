// Types of `import … from 'descent/internal'`: the library's internals (src/internal.ts).
export * from '../../../src/internal';
