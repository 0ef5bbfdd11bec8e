import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { antdTrim } from './scripts/antdTrim.ts';
import { splitMessages } from './scripts/viteMessages.ts';

/**
 * Writes a brotli and a gzip copy beside every text asset, at the highest levels: done once at
 * build time, the server sends them as they are (see webApp.ts) instead of compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'tuoyu-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? '';
      const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
      for (const name of files.filter((f) => /\.(m?js|css|html|svg|json)$/.test(f))) {
        const file = path.join(dir, name);
        const body = fs.readFileSync(file);
        if (body.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The API server in development; set API_URL when it runs on another port.
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  root: 'src/web',
  plugins: [
    splitMessages({ srcDir: src, messages: `${src}web/i18n/zh-CN.json`, register: `${src}web/i18n/index.ts` }),
    react(),
    antdTrim({ editableText: `${src}web/components/NoEditableText.tsx` }),
    precompress(),
  ],
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
