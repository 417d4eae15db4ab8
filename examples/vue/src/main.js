// Register the elements before Vue mounts: Vue then sees their properties and sets `strings`
// (an object) as a property rather than an attribute.
import '@visitor-access/elements/define.js';
import { setDefaultApiBase } from '@visitor-access/elements';
import { createApp } from 'vue';
import App from './App.vue';

// The API under this site's origin (see vite.config.js); any API origin works the same way.
setDefaultApiBase(location.origin);

createApp(App).mount('#app');
