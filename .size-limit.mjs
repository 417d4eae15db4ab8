// Size budgets, checked by `npm test` (`npm run size`) with size-limit: brotli (quality 11) of what a
// visitor's browser downloads; 1 KiB = 1024 bytes, as in `npm run bench`. Each limit sits just above
// today's figure, so any growth fails the build; the targets of issue 9 are printed by `npm run
// bench` beside each figure (PASS/MISS), and a limit only ever moves down towards its target.
// Decisions 0091 and 0093.
const browser = (config) => ({
  ...config,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
});

export default [
  {
    // Target 18 KiB.
    name: '@visitor-access/elements dist/paywall-gate.js (<paywall-gate> only, script tag)',
    path: 'packages/elements/dist/paywall-gate.js',
    limit: '25.3 KiB',
  },
  {
    // Target 24 KiB.
    name: '@visitor-access/elements dist/visitor-access.js (every element, script tag)',
    path: 'packages/elements/dist/visitor-access.js',
    limit: '29 KiB',
  },
  {
    // Target 14 KiB.
    name: '@visitor-access/sdk (validating), an app calling every method',
    path: 'packages/sdk/bench/every-method.mjs',
    limit: '16.1 KiB',
    modifyEsbuildConfig: browser,
  },
  {
    // Target 8.5 KiB: met.
    name: '@visitor-access/sdk/lite, an app calling every method',
    path: 'packages/sdk/bench/every-method-lite.mjs',
    limit: '8 KiB',
    modifyEsbuildConfig: browser,
  },
];
