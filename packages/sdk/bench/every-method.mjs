// An app that calls every method of the validating SDK: what the size budget of `@visitor-access/sdk`
// measures (.size-limit.mjs and bench/index.mjs bundle it for the browser, minified). The lite
// entry's twin is every-method-lite.mjs.
import { createClient } from '@visitor-access/sdk';
import { callEveryMethod } from './call-every-method.mjs';

export const all = callEveryMethod(createClient);
