import { lazyClient } from './lazy-client.js';
import type { SdkModule } from './lazy-client.js';
import type { LaterStates } from './later-load.js';
import type * as Analytics from './analytics.js';

/** The SDK's chunk: the SDK, the gate's later states and the funnel's events (decision 0153). */
type SdkChunk = SdkModule & {
  later: LaterStates;
  analytics: Pick<typeof Analytics, 'setDefaultAnalytics' | 'track' | 'transactionId'>;
  /** `dist/visitor-access.sdk.js`: the elements it brings (decision 0155). */
  elements?: Record<string, CustomElementConstructor>;
};

// Replaces `sdk.ts` in the script-tag build (build.mjs): the SDK and ky are in their own chunk
// (`dist/paywall-gate.sdk.js`, `dist/visitor-access.sdk.js`) beside the chunk this code is in, loaded once (after the first usable paint, or by the first call
// that needs it). A failed load is tried again by the next call, under a new URL (a browser keeps a
// failed module import failed for the page's life).

/** The SDK chunk's file name, written by build.mjs. */
declare const SDK_CHUNK: string;

let sdk: Promise<SdkChunk> | undefined;
let attempt = 0;
let arrived!: (chunk: SdkChunk) => void;

/** The SDK's chunk once it has loaded, asked for by someone else (it never asks for it itself). */
export const sdkArrived = new Promise<SdkChunk>((resolve) => (arrived = resolve));

/** Loads the SDK chunk (once; again after a failure). */
export function loadSdk(): Promise<SdkChunk> {
  return (sdk ??= import(
    /* @vite-ignore */ new URL(`./${SDK_CHUNK}${attempt ? `?retry=${attempt}` : ''}`, import.meta.url).href
  ).then(
    (chunk: SdkChunk) => {
      arrived(chunk);
      return chunk;
    },
    (error: unknown) => {
      sdk = undefined;
      attempt++;
      throw error;
    },
  ) as Promise<SdkChunk>);
}

export function createClient(options: { baseUrl: string }) {
  return lazyClient(options, loadSdk);
}
