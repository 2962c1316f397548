// Build config of the explorer page. The output goes to dist/, which is
// committed and embedded in the Go binary (explorer.go), so the build must be
// deterministic: same lockfile and sources, same bytes (scripts/explorer-e2e
// checks it).
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the page is served under /explore/.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npm run dev` proxies the API to a running `demarche serve`.
    proxy: {
      '/graphql': process.env.DEMARCHE_URL || 'http://127.0.0.1:8080',
      '/export': process.env.DEMARCHE_URL || 'http://127.0.0.1:8080',
    },
  },
});
