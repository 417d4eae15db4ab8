// The email check before a sign-in request: safe to import without a DOM side effect.

/** A pragmatic email check: one `@`, a dot in the domain, no spaces. The server has the final word. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;
}
