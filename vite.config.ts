// Builds the renderer (the Vue app) into out/renderer, served by Electron and by web mode alike.
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./renderer/src', import.meta.url)),
      '@shared': fileURLToPath(new URL('./electron/shared', import.meta.url)),
    },
  },
  // npm run dev (scripts/dev.ts): the page with hot reload; every call goes to the web bridge that
  // script starts on a dev database (FAZHI_BRIDGE_PORT), whose token the page takes from ?token=…
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: `http://127.0.0.1:${process.env.FAZHI_BRIDGE_PORT ?? '47990'}`, changeOrigin: true },
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Element Plus, Vue and the icons in their own long-cached chunks; pages load on demand.
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (id.includes('@element-plus/icons-vue')) return 'icons';
          if (id.includes('element-plus') || id.includes('dayjs') || id.includes('@floating-ui') || id.includes('lodash')) return 'element-plus';
          if (/node_modules\/(@vue|vue|vue-router|pinia)\//.test(id)) return 'vue';
          // the 首页 charts (only the modules echarts.ts registers, tree-shaken, bundled with the app):
          // left to the bundler, they load with 首页 instead of delaying every page's start
          if (/node_modules\/(echarts|zrender|vue-echarts|tslib)\//.test(id)) return undefined;
          return 'vendor';
        },
      },
    },
  },
});
