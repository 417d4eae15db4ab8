// Registers every element. Each define module guards against double registration.
import './paywall-gate/define.js';
import './visitor-session/define.js';
import './visitor-access-list/define.js';
import './group-buy-card/define.js';

export * from './index.js';
