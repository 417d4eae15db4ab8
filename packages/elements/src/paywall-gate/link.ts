import type { ReactiveControllerHost } from 'lit';
import type { VisitorAccessClient } from '../internal/client.js';
import { codeOf, describeFailure } from '../internal/errors.js';
import type { Failure } from '../internal/errors.js';
import { flow } from '../internal/flow.js';
import type { Flow } from '../internal/flow.js';
import type { LinkNotice } from './paywall-gate-machine.js';

// One verify per token per page, however many gates were asked to use it.
const verifications = new Map<string, Promise<unknown>>();

const NOTICES: Record<string, LinkNotice> = {
  expired_magic_link: 'expired',
  used_magic_link: 'used',
  invalid_magic_link: 'invalid',
  invalid_request: 'invalid',
};

/** The sign-in link from the address bar (`?va_token=`), used after the visitor's click. */
export function verifyLink(
  host: ReactiveControllerHost & { readonly apiClient: VisitorAccessClient | undefined },
  callbacks: { signedIn(): void; linkProblem(notice: LinkNotice): void; failed(failure: Failure): void },
): Flow<readonly [token: string]> {
  return flow(
    host,
    ([token]: readonly [string]) => {
      let verification = verifications.get(token);
      if (!verification) {
        verification = host.apiClient!.auth.verify({ token });
        verifications.set(token, verification);
      }
      return verification;
    },
    () => callbacks.signedIn(),
    (error) => {
      const notice = NOTICES[codeOf(error) ?? ''];
      if (notice) callbacks.linkProblem(notice);
      else callbacks.failed(describeFailure(error));
    },
  );
}
