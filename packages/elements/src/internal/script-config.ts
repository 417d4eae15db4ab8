// Part of the script-tag bundles (visitor-access.js, paywall-gate.js): picks the API base from the
// bundle's own <script> tag, then starts the access check of every <paywall-gate> already in the
// page. Runs before the elements are defined, so they start with the right base and the answer is
// on its way before the first render.
import { setDefaultApiBase } from './client.js';
import { startEarlyChecks } from './early-check.js';

const ours = 'script[src*="visitor-access"],script[src*="paywall-gate"]';
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>(ours.replaceAll('script[', 'script[data-api-base][')) ??
  document.querySelector<HTMLScriptElement>(ours);
const apiBase = script?.dataset.apiBase;
if (apiBase) setDefaultApiBase(apiBase);
startEarlyChecks();
