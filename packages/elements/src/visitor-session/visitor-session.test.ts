import { beforeEach, describe, expect, it } from 'vitest';
import {
  $,
  apiBase,
  askForCode,
  freshClient,
  latestMessage,
  mount,
  noAxeViolations,
  resetAll,
  shadowText,
  signInDirectly,
  type,
  uniqueEmail,
  waitFor,
} from '../../test/helpers.js';
import './define.js';
import type { VisitorSession } from './visitor-session.js';

const session = () =>
  mount<VisitorSession>(`<visitor-session api-base="${apiBase}"></visitor-session>`, 'visitor-session');
const button = (el: Element, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text));

beforeEach(resetAll);

describe('<visitor-session>', () => {
  it('signed out: a sign-in button that opens the magic-link flow, code signs in', async () => {
    const el = session();
    el.client = freshClient();
    const signIn = await waitFor(() => button(el, 'Sign in'), 'the sign-in button');
    await noAxeViolations(el);
    signIn.click();
    await waitFor(() => $(el, 'input[name=email]'), 'the email field');
    expect(signIn.getAttribute('aria-haspopup')).toBe('dialog');
    expect($<HTMLDialogElement>(el, 'dialog')!.open).toBe(true);
    expect(el.shadowRoot!.activeElement).toBe($(el, 'input[name=email]'));
    const email = await askForCode(el);
    await noAxeViolations(el);
    const { code } = await latestMessage(email);
    type($<HTMLInputElement>(el, 'input[name=code]')!, code);
    await waitFor(() => shadowText(el).includes(`Signed in as ${email}`), 'the signed-in line');
    expect($(el, 'dialog')).toBeNull();
  });

  it('the dialog closes with its close button, and nothing is sent', async () => {
    const el = session();
    el.client = freshClient();
    (await waitFor(() => button(el, 'Sign in'), 'the sign-in button')).click();
    await waitFor(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog');
    $<HTMLButtonElement>(el, '[part~=close-button]')!.click();
    await waitFor(() => !$<HTMLDialogElement>(el, 'dialog')!.open, 'the dialog to close');
    expect($(el, 'input[name=email]')).toBeNull();
  });

  it('signed in: shows the email and signs out', async () => {
    const email = uniqueEmail();
    await signInDirectly(email);
    const el = session();
    el.client = freshClient();
    await waitFor(() => shadowText(el).includes(`Signed in as ${email}`), 'the signed-in line');
    expect($(el, '[part~=email]')).not.toBeNull();
    await noAxeViolations(el);
    button(el, 'Sign out')!.click();
    await waitFor(() => button(el, 'Sign in'), 'the sign-in button');
    const me = await fetch(`${apiBase}/v2/visitor/me`, { credentials: 'include' });
    expect(me.status).toBe(401);
  });

  it('API unreachable: says so with "Try again", never "Sign in" to someone who may be signed in', async () => {
    const errors: string[] = [];
    const el = mount<VisitorSession>(
      `<visitor-session api-base="http://localhost:9"></visitor-session>`,
      'visitor-session',
    );
    el.addEventListener('va-error', (e) => errors.push(e.detail.code));
    await waitFor(() => $(el, '[part~=error]'), 'the error');
    expect(shadowText(el)).toContain('Account unavailable');
    expect(button(el, 'Sign in')).toBeUndefined();
    expect(errors).toEqual(['network']);
    await noAxeViolations(el);
    el.apiBase = apiBase;
    await waitFor(() => button(el, 'Sign in'), 'the sign-in button, once the API answers');
  });

  it('follows a sign-out made by another tab', async () => {
    await signInDirectly(uniqueEmail());
    const el = session();
    el.client = freshClient();
    await waitFor(() => button(el, 'Sign out'), 'signed in');
    const otherTab = freshClient();
    await otherTab.auth.me();
    await otherTab.auth.logout();
    await waitFor(() => button(el, 'Sign in'), 'signed out');
  });
});
