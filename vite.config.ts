import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server in development; set API_URL when it runs on another port.
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React and the router are needed by every page and change rarely: one chunk that stays
        // cached across releases. antd is left to automatic splitting so a page only loads the
        // components it renders (the table and tree code stays out of the home page).
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      // With the trailing slash: a bare '/api' prefix would also swallow the module '/api.ts'.
      '/api/': apiTarget,
      '/metrics': apiTarget,
    },
  },
});
