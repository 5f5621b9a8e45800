import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { parleyContent } from './src/build/content-plugin.ts';

// PARLEY_EXTRA_CONTENT adds folders of content to the build (the browser
// tests use it to include their fixtures); separate several with commas.
const extraDirs = process.env.PARLEY_EXTRA_CONTENT?.split(',').filter(Boolean) ?? [];

export default defineConfig({
  plugins: [react(), parleyContent({ root: import.meta.dirname, extraDirs })],
  build: { outDir: process.env.PARLEY_OUT_DIR ?? 'dist', emptyOutDir: true },
  server: { port: 5173 },
});
