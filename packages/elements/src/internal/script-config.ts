// Part of the script-tag bundle: picks the API base from the bundle's own <script> tag. Runs
// before the elements are defined, so they start with the right base.
import { setDefaultApiBase } from './client.js';

const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[data-api-base][src*="visitor-access"]') ??
  document.querySelector<HTMLScriptElement>('script[src*="visitor-access"]');
const apiBase = script?.dataset.apiBase;
if (apiBase) setDefaultApiBase(apiBase);
