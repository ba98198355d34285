// Hash history: works from file:// in Electron and from the web bridge alike.
import { createRouter, createWebHashHistory } from 'vue-router';
import { routes } from './routes.ts';

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
});

router.afterEach((to) => {
  const title = to.meta.title ?? '';
  document.title = title ? `${title} - 法治台账` : '法治台账';
});
