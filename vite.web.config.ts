import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Browser pages served by the platform server (staff console, phone pages). Built to dist/web and served under
// /console/ (src-server/plugins/web-pages.ts), so asset URLs are absolute below it.
export default defineConfig({
  root: fileURLToPath(new URL('./src-web', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) } },
  build: { outDir: fileURLToPath(new URL('./dist/web', import.meta.url)), emptyOutDir: true },
});
