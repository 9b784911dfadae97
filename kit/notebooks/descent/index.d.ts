// Types of `import … from 'descent'`: the library's own sources (tslab checks cells against them).
export * from '../../../src/index';
