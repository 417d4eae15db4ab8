// Sample wire values that the tests of every package share (the contract's, the SDK's, the mock's and
// the elements'): one spelling of the seeded paid page, so a change of the sample is one edit. Test-only:
// not in the package's `files`, and imported by relative path.
import type { PageSummary } from '../src/index.js';

/** The seeded paid page `gharart/masterclass` as an access check answers it (`PageSummary`). */
export const masterclassPage = {
  handle: 'gharart',
  slug: 'masterclass',
  title: 'Masterclass',
  mode: 'PAID',
  price: 1900,
  currency: 'USD',
} as const satisfies PageSummary;
