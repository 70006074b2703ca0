import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    // the cabinet must open in the browsers schools actually have (Chromium 88 and newer)
    target: ['chrome88'],
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      // @oko/shared holds pure declarations: the browser takes the helpers it imports (canIssueTo…)
      // without the zod schemas of the API contract, which it only uses as types
      treeshake: { moduleSideEffects: (id) => !/[\\/]packages[\\/]shared[\\/]/.test(id) },
    },
  },
  server: {
    proxy: { '/api': server, '/healthz': server },
  },
});
