import type { ReactiveControllerHost } from 'lit';
import type { VisitorAccessClient } from '../internal/client.js';
import { codeOf, describeFailure, linkNoticeOf } from '../internal/errors.js';
import type { Failure, LinkNotice } from '../internal/errors.js';
import { flow } from '../internal/flow.js';
import type { Flow } from '../internal/flow.js';

// One verify per token per page, however many gates were asked to use it.
const verifications = new Map<string, Promise<unknown>>();

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
      const notice = linkNoticeOf(codeOf(error), 'token');
      if (notice) callbacks.linkProblem(notice);
      else callbacks.failed(describeFailure(error));
    },
  );
}
