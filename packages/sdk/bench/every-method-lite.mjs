// An app that calls every method of `@visitor-access/sdk/lite` (see every-method.mjs).
import { createClient } from '@visitor-access/sdk/lite';
import { callEveryMethod } from './call-every-method.mjs';

export const all = callEveryMethod(createClient);
