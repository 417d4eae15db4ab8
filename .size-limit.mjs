// Size budgets, checked by `npm test` (`npm run size`) with size-limit: brotli (quality 11) of what
// a visitor's browser downloads. 1 kB here is 1024 bytes, as in `npm run bench`. Decision 0091.
const browser = (config) => ({
  ...config,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
});

export default [
  {
    name: '@visitor-access/elements dist/paywall-gate.js (<paywall-gate> only, script tag)',
    path: 'packages/elements/dist/paywall-gate.js',
    limit: '18 KiB',
  },
  {
    name: '@visitor-access/elements dist/visitor-access.js (every element, script tag)',
    path: 'packages/elements/dist/visitor-access.js',
    limit: '24 KiB',
  },
  {
    name: '@visitor-access/sdk (validating), an app calling every method',
    path: 'packages/sdk/bench/every-method.mjs',
    limit: '14 KiB',
    modifyEsbuildConfig: browser,
  },
  {
    name: '@visitor-access/sdk/lite, an app calling every method',
    path: 'packages/sdk/bench/every-method-lite.mjs',
    limit: '8.5 KiB',
    modifyEsbuildConfig: browser,
  },
];
