import { defineCookieTests } from './cookies.js';

defineCookieTests('firefox');
