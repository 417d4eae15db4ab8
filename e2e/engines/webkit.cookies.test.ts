import { defineCookieTests } from './cookies.js';

defineCookieTests('webkit');
