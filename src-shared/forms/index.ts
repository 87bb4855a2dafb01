/** The form layer: check a value with a contract schema, pick the issues to show, render them in either language. */
export * from './check';
export * from './parse';
export * from './text';
export * from './rules';
