import { defineCookieTests } from './cookies.js';

defineCookieTests('chromium');
