import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./src-web/${name}`, import.meta.url));

// Browser pages served by the platform server (src-server/plugins/web-pages.ts), built to dist/web:
// - index.html → the staff console at /console/;
// - phone.html → the phone receipt page at /m/receipt (no antd, no zod: a small page for a phone connection).
// Both load their assets from /console/assets/, so asset URLs are absolute below /console/.
export default defineConfig({
  root: fileURLToPath(new URL('./src-web', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: { input: { console: page('index.html'), phone: page('phone.html') } },
  },
});
