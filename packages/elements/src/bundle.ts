// Entry of the script-tag bundle (dist/visitor-access.js, IIFE): reads `data-api-base` from its
// own <script> tag, starts the access check of every gate already in the page, then registers
// every element. Safe with async/defer (document.currentScript is null then, so the tag is found by
// its src) and when loaded twice (define guards).
import './internal/script-config.js';
import './define.js';

export * from './index.js';
