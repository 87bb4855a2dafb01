// ESLint rule `tongban/layering`: the import direction of DESIGN.md, enforced on every import form
// (import/export-from, dynamic import(), require()).
//
//   src-shared            imports nothing of ours and no platform (no Node built-ins, no electron, no DOM-only code)
//   src-main, src-server  import src-shared and themselves; never each other
//   src-renderer, src-web import src-shared and themselves; never electron or Node built-ins
//   tests beside the code (*.test.ts[x]) may also import the shared fixtures in tests/fixtures
//
// Runtimes are found from the file's path and from where a relative or `@shared/` specifier lands, so a
// `../../src-main/x` reached from the renderer is caught just like `electron`.
import { builtinModules } from 'node:module';
import path from 'node:path';

const LAYERS = ['src-shared', 'src-main', 'src-renderer', 'src-server', 'src-web'];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Which layers a layer may import from (itself is always allowed). */
const ALLOWED_LAYERS = {
  'src-shared': [],
  'src-main': ['src-shared'],
  'src-server': ['src-shared'],
  'src-renderer': ['src-shared'],
  'src-web': ['src-shared'],
};
/** Layers that run without Node: no built-ins, no electron. */
const BROWSER_OR_PURE = new Set(['src-shared', 'src-renderer', 'src-web']);

function layerOfPath(file, root) {
  const rel = path.relative(root, file).split(path.sep);
  return LAYERS.includes(rel[0]) ? rel[0] : null;
}

const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;

function isFixture(file, root) {
  const rel = path.relative(root, file).split(path.sep);
  return rel[0] === 'tests' && rel[1] === 'fixtures';
}

function isBuiltin(spec) {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

/** @type {import('eslint').Rule.RuleModule} */
export const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the runtime layering of DESIGN.md' },
    schema: [],
    messages: {
      foreignLayer: '{{from}} must not import from {{to}} ("{{spec}}"): layers import only src-shared and themselves.',
      sharedImportsOurs: 'src-shared imports nothing of ours ("{{spec}}").',
      nodeBuiltin: '{{from}} runs without Node: Node built-in "{{spec}}" is not available; go through src-shared or the client API.',
      electron: '{{from}} must not import electron ("{{spec}}"): only src-main talks to Electron; the renderer uses window.tongban.',
    },
  },
  create(context) {
    const filename = context.filename;
    const root = context.cwd;
    const from = layerOfPath(filename, root);
    if (!from) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const data = { from, spec };
      if (spec === 'electron' || spec.startsWith('electron/')) {
        if (from !== 'src-main') context.report({ node, messageId: 'electron', data });
        return;
      }
      if (isBuiltin(spec)) {
        if (BROWSER_OR_PURE.has(from)) context.report({ node, messageId: 'nodeBuiltin', data });
        return;
      }
      let target = null;
      if (spec.startsWith('@shared/') || spec === '@shared') target = 'src-shared';
      else if (spec.startsWith('.')) {
        const resolved = path.resolve(path.dirname(filename), spec);
        if (TEST_FILE.test(filename) && isFixture(resolved, root)) return;
        target = layerOfPath(resolved, root) ?? 'outside';
      }
      if (target === null || target === from) return; // a package, or our own layer
      if (from === 'src-shared') {
        context.report({ node, messageId: 'sharedImportsOurs', data });
      } else if (!ALLOWED_LAYERS[from].includes(target)) {
        context.report({ node, messageId: 'foreignLayer', data: { ...data, to: target } });
      }
    }
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { layering } };
