import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { parleyContent } from './src/build/content-plugin.ts';

// PARLEY_EXTRA_CONTENT adds folders of content to the build (the browser
// tests use it to include their fixtures); separate several with commas.
const extraDirs = process.env.PARLEY_EXTRA_CONTENT?.split(',').filter(Boolean) ?? [];
// PARLEY_API (e.g. http://127.0.0.1:4173, a running `parley serve`) lets `npm run dev` reach a team server:
// /api is passed through with the page's own Host, so the server's same-origin check sees one site.
const api = process.env.PARLEY_API;

export default defineConfig({
  plugins: [react(), parleyContent({ root: import.meta.dirname, extraDirs })],
  build: { outDir: process.env.PARLEY_OUT_DIR ?? 'dist', emptyOutDir: true },
  server: { port: 5173, proxy: api ? { '/api': { target: api, changeOrigin: false } } : undefined },
});
