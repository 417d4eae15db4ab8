// bundle.ts for <paywall-gate> only (decision 0090). The script-tag file dist/paywall-gate.js is
// built by build.mjs from src/script/ (decision 0151).
import './internal/script-config.js';
import './paywall-gate/define.js';
