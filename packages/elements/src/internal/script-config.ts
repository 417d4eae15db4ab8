// Part of the ESM script entries (bundle.ts, bundle-paywall-gate.ts): picks the API base from the
// bundle's own <script> tag, then starts the access check of every <paywall-gate> already in the
// page. Runs before the elements are defined, so they start with the right base and the answer is
// on its way before the first render. (The script-tag files do the same in script/loader.ts.)
import { setDefaultAnalytics } from './analytics.js';
import { setDefaultApiBase } from './client.js';
import { startEarlyChecks } from './early-check.js';

const ours = 'script[src*="visitor-access"],script[src*="paywall-gate"]';
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>(ours.replaceAll('script[', 'script[data-api-base][')) ??
  document.querySelector<HTMLScriptElement>(ours);
const apiBase = script?.dataset.apiBase;
if (apiBase) setDefaultApiBase(apiBase);
setDefaultAnalytics(script?.dataset.analytics);
startEarlyChecks(apiBase);
