// `dist/paywall-gate.sdk.js`, `dist/visitor-access.sdk.js`: the SDK (and ky) for the script-tag build, loaded by `internal/sdk-lazy.ts`.
export { createClient } from '@visitor-access/sdk/lite';
