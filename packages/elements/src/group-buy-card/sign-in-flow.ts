import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { checkEmail } from '../internal/sign-in/check-email.js';
import type { LinkNotice } from '../internal/errors.js';
import type { SignInController } from '../internal/sign-in/controller.js';
import { signInForm } from '../internal/sign-in/templates.js';
import { fill } from '../internal/strings.js';
import type { Strings } from '../internal/strings.js';

/** What a visitor who is not signed in wants from the card. */
type Intent = 'interest' | 'buy';
/** The card's sign-in, on the way to that intent. */
export type Flow =
  | { step: 'sign-in'; intent: Intent; notice?: LinkNotice | undefined; email?: string | undefined }
  | { step: 'check-email'; intent: Intent; email: string };

/** The card's sign-in: the email form ("Buy for …" or a link), then "Check your email". */
export function signInFlow(
  signIn: SignInController,
  s: Strings,
  flow: Flow,
  price: string,
  changeEmail: () => void,
): TemplateResult {
  const buying = flow.intent === 'buy';
  if (flow.step === 'check-email') {
    return html`<div class="flow">
      ${checkEmail(signIn, s, {
        email: flow.email,
        next: buying ? s.checkEmailThenBuy : s.checkEmailThenSignIn,
        onChangeEmail: changeEmail,
      })}
    </div>`;
  }
  return html`<div class="flow">
    ${signInForm(signIn, s, {
      email: flow.email,
      notice: flow.notice,
      submit: flow.notice ? s.resend : buying ? (price ? fill(s.buy, { price }) : s.buyNoPrice) : s.sendLink,
      after: buying ? s.buyIntro : s.signInIntro,
    })}
  </div>`;
}
