import { defineConfig } from 'vite';

// The API is reached through this app's own origin (/v2, /_edge, /_mock proxied to the mock on
// :4010): the session cookie is then first-party, as in production behind a same-site API.
// JSX needs no plugin: Vite compiles TSX with the `jsx: react-jsx` of tsconfig.json.
const api = process.env.VA_API ?? 'http://localhost:4010';
const proxy = { '/v2': api, '/_edge': api, '/_mock': api };

export default defineConfig({
  server: { proxy },
  preview: { proxy },
});
