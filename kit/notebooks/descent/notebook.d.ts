// Types of `import … from 'descent/notebook'`.
export * from '../helpers/index';
