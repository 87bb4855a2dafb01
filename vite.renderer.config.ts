import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { UNUSED_ANTD } from './src-renderer/app/antd-unused';

// Ant Design components the renderer never shows (src-renderer/app/antd-unused.ts): their rules leave antd's stylesheet.
const UNUSED_PREFIXES = [...new Set(Object.values(UNUSED_ANTD).flat())];
const unusedClass = new RegExp(`\\.ant-(?:${UNUSED_PREFIXES.join('|')})(?![\\w-])|\\.ant-(?:${UNUSED_PREFIXES.join('|')})-`);

/** Splits `text` at top-level occurrences of `sep`, skipping strings, comments and brackets. */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Drops the selectors (and rules left without any) that name an unused component; recurses into @media etc. */
export function trimAntdCss(css: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    // One statement: a prelude up to `{` or `;`, then a balanced block.
    let j = i;
    while (j < css.length && css[j] !== '{' && css[j] !== ';') {
      if (css[j] === '"' || css[j] === "'") {
        const q = css[j];
        for (j++; j < css.length && css[j] !== q; j++) if (css[j] === '\\') j++;
      } else if (css.startsWith('/*', j)) j = css.indexOf('*/', j + 2) + 1;
      j++;
    }
    if (j >= css.length || css[j] === ';') {
      out += css.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let depth = 1;
    let k = j + 1;
    for (; k < css.length && depth > 0; k++) {
      const c = css[k];
      if (c === '"' || c === "'") {
        for (k++; k < css.length && css[k] !== c; k++) if (css[k] === '\\') k++;
      } else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    const prelude = css.slice(i, j);
    const body = css.slice(j + 1, k - 1);
    const at = prelude.trim();
    if (/^@(media|supports|layer|container)\b/.test(at)) {
      const inner = trimAntdCss(body);
      if (inner.trim()) out += `${prelude}{${inner}}`;
    } else if (at.startsWith('@')) {
      out += css.slice(i, k);
    } else {
      const kept = splitTop(prelude, ',').filter((s) => !unusedClass.test(s));
      if (kept.length) out += `${kept.join(',')}{${body}}`;
    }
    i = k;
  }
  return out;
}

const trimAntd: Plugin = {
  name: 'tongban:trim-antd-css',
  enforce: 'pre',
  transform(code, id) {
    return /[\\/]antd[\\/]dist[\\/]antd\.css$/.test(id.split('?')[0]!) ? { code: trimAntdCss(code), map: null } : null;
  },
};

// The desktop renderer. Built to dist/renderer and loaded by Electron from disk (file://) or served by the
// browser-mode host; relative asset paths (`base: './'`) work for both.
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [trimAntd, react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Chromium 120 (Electron 28+) and later.
    target: 'chrome120',
    // The real budget (350 KB gzip of initial JS) is measured by `npm run bench:ui`, not by this warning.
    chunkSizeWarningLimit: 1500,
  },
});
