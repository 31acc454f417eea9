// The web app's build. `node scripts/build-web.ts` builds it into web/dist, which the server
// serves; `npx vite web` serves it for development, with /api proxied to a local relais.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: process.env.RELAIS_URL ?? 'http://127.0.0.1:4321', changeOrigin: false },
    },
  },
});
