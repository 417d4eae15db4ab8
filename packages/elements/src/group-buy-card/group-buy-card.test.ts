import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  $,
  apiBase,
  dev,
  freshClient,
  latestMessage,
  mount,
  resetAll,
  shadowText,
  signInDirectly,
  type,
  uniqueEmail,
  waitFor,
} from '../../test/helpers.js';
import './define.js';
import type { GroupBuyCard } from './group-buy-card.js';

const card = (slug = 'spring-bundle') =>
  mount<GroupBuyCard>(
    `<group-buy-card handle="gharart" slug="${slug}" api-base="${apiBase}" locale="en-US"></group-buy-card>`,
    'group-buy-card',
  );
const count = (el: Element) => Number($(el, '[part~=progress-label]')?.textContent?.split(' ')[0]);
const button = (el: Element, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text));

async function noAxeViolations(el: Element): Promise<void> {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  expect(result.violations.map((v) => v.id)).toEqual([]);
}

beforeEach(resetAll);

describe('<group-buy-card>', () => {
  it('shows title, price and progress toward the target', async () => {
    const el = card();
    el.client = freshClient();
    await waitFor(() => $(el, '[part~=progress]'), 'the card');
    expect($(el, '[part~=price]')?.textContent).toBe('$49.00');
    expect($(el, '[part~=progress-label]')?.textContent).toMatch(/^\d+ of 3 interested$/);
    expect($(el, '[role=progressbar]')?.getAttribute('aria-valuemax')).toBe('3');
    expect(shadowText(el)).toMatch(/Collecting interest|Target reached|The offer is live/);
    await noAxeViolations(el);
  });

  it('signed out: "I\'m interested" goes through sign-in, then records the interest', async () => {
    const el = card();
    el.client = freshClient();
    const interested = await waitFor(() => button(el, 'I’m interested'), 'the button');
    const before = count(el);
    interested.click();
    await waitFor(() => $(el, 'input[name=email]'), 'the sign-in form');
    const email = uniqueEmail();
    $<HTMLInputElement>(el, 'input[name=email]')!.value = email;
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitFor(() => $(el, 'input[name=code]'), 'the code field');
    await noAxeViolations(el);
    const { code } = await latestMessage(email);
    type($<HTMLInputElement>(el, 'input[name=code]')!, code);
    await waitFor(() => shadowText(el).includes('You are interested.'), 'the interest');
    expect(count(el)).toBe(before + 1);
  });

  it('withdraws, and shows the status once the target is reached and the offer is active', async () => {
    await signInDirectly(uniqueEmail());
    const el = card();
    el.client = freshClient();
    const interested = await waitFor(() => button(el, 'I’m interested'), 'the button');
    const before = count(el);
    interested.click();
    await waitFor(() => button(el, 'Withdraw'), 'the withdraw button');
    expect(count(el)).toBe(before + 1);
    button(el, 'Withdraw')!.click();
    await waitFor(() => button(el, 'I’m interested'), 'interest withdrawn');
    expect(count(el)).toBe(before);

    for (let i = 0; i < 3; i++) {
      await signInDirectly(uniqueEmail(`buyer${i}`));
      await fetch(`${apiBase}/v2/public/group-buys/gharart/spring-bundle/interest`, {
        method: 'POST',
        credentials: 'include',
      });
    }
    document.body.replaceChildren();
    const reached = card();
    reached.client = freshClient();
    await waitFor(() => shadowText(reached).includes('Target reached'), 'target reached');
    await dev('/group-buys/gharart/spring-bundle/activate', {});
    document.body.replaceChildren();
    const active = card();
    active.client = freshClient();
    await waitFor(() => shadowText(active).includes('The offer is live'), 'active');
  });

  it('an unknown group buy says so', async () => {
    const el = card('nope');
    el.client = freshClient();
    await waitFor(() => shadowText(el).includes('This group buy does not exist'), 'not found');
  });
});
