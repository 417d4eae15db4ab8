// The one place the elements make an SDK client. The npm build imports the SDK here, statically
// (bundlers chunk it as they like); the script-tag build swaps this module for `sdk-lazy.ts`, whose
// clients load the SDK and ky in a chunk of their own after the first usable paint (decision 0151).
export { createClient } from '@visitor-access/sdk/lite';
