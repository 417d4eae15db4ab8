// Every element as one ES module that also reads `data-api-base` from a script tag and starts the
// gates' access checks: the types of `@visitor-access/elements/visitor-access.js`. The script-tag
// files themselves (dist/visitor-access.js, a loader, and its chunks) are built by build.mjs from
// src/script/ (decision 0151). Safe when loaded twice (define guards).
import './internal/script-config.js';
import './define.js';

export * from './index.js';
