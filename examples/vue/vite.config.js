import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The API is reached through this app's own origin (/v2, /_edge, /_mock proxied to the mock on
// :4010): the session cookie is then first-party, as in production behind a same-site API.
const api = process.env.VA_API ?? 'http://localhost:4010';
const proxy = { '/v2': api, '/_edge': api, '/_mock': api };
const elements = ['paywall-gate', 'visitor-session', 'visitor-access-list', 'group-buy-card'];

export default defineConfig({
  plugins: [
    vue({
      template: {
        // The one line Vue needs: these tags are custom elements, not Vue components.
        compilerOptions: { isCustomElement: (tag) => elements.includes(tag) },
      },
    }),
  ],
  server: { proxy },
  preview: { proxy },
});
