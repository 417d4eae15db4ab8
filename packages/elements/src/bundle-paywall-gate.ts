// Entry of the <paywall-gate>-only script (dist/paywall-gate.js, IIFE): the same as
// visitor-access.js for a page that shows no other element (decision 0090).
import './internal/script-config.js';
import './paywall-gate/define.js';
