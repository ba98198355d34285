// 法治台账 renderer entry: Element Plus (zh-cn, see App.vue's el-config-provider), Pinia, hash router.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router/index.ts';
import { installElementPlus } from './plugins/element-plus.ts';
import './styles/index.css';
import './styles/print.css';

const app = createApp(App);
app.use(createPinia());
app.use(router);
installElementPlus(app);
app.mount('#app');
