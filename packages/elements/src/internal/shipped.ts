// The base languages of the shipped languages other than English (`shippedLanguages` in
// locale.ts; a test keeps the two in step). Its own module, so that the script-tag loader can ask
// for a page's language file beside the first chunk without carrying the strings (decision 0110).

/** @internal Matches a page language whose base language is shipped; group 1 is that base. */
export const SHIPPED = /^(ar|de|es|fr|he|hi|it|ja|ko|nl|pt|zh)\b/i;
