/**
 * Typed JSX for React 19: the elements' attributes, properties and events. Types only — importing
 * it adds nothing to a bundle. Bring it into your project once, e.g. in `src/main.tsx` or a `.d.ts`:
 *
 * ```ts
 * import type {} from '@visitor-access/elements/react';
 * ```
 *
 * React 19 sets a prop as a property when the element has one (`strings`, `client`, `navigate`,
 * `theme`, `handle`…), else as an attribute (`api-base`), and listens to `on` + the event's own name:
 * `onva-access-granted`. Import the elements' define module before the first render, so that
 * the elements exist when React creates them.
 *
 * @example
 * ```tsx
 * import '@visitor-access/elements/define.js';
 * import type {} from '@visitor-access/elements/react';
 *
 * <paywall-gate handle="gharart" page="masterclass" onva-access-granted={(e) => setPage(e.detail.page.title)} />;
 * ```
 *
 * @packageDocumentation
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { GroupBuyCard } from './group-buy-card/group-buy-card.js';
import type { VaAccessGrantedEvent, VaAnalyticsEvent, VaErrorEvent, VaStateChangeEvent } from './internal/events.js';
import type { PaywallGate } from './paywall-gate/paywall-gate.js';
import type { VisitorAccessList } from './visitor-access-list/visitor-access-list.js';
import type { VisitorSession } from './visitor-session/visitor-session.js';

/**
 * What every element takes: the standard HTML props, the API base, language, colour scheme,
 * strings, a client, analytics, `va-error`, `va-analytics`.
 */
export type ElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E> & {
  /** The API origin; defaults to the script tag's `data-api-base` or `setDefaultApiBase()`. */
  'api-base'?: string;
  locale?: string;
  /** `light`, `dark` or `auto`; by default the page's `color-scheme`. */
  theme?: E extends { theme?: infer T } ? T : never;
  strings?: E extends { strings?: infer S } ? S : never;
  client?: E extends { client?: infer C } ? C : never;
  /** `dataLayer` pushes the funnel events to `window.dataLayer`; by default the script tag's `data-analytics`. */
  analytics?: E extends { analytics?: infer A } ? A : never;
  'onva-error'?: (event: VaErrorEvent) => void;
  /** A funnel event (`paywall_view`, `login`, `purchase`…), whether or not `analytics` is set. */
  'onva-analytics'?: (event: VaAnalyticsEvent) => void;
};

/** Props of `<paywall-gate>`. */
export type PaywallGateProps = ElementProps<PaywallGate> & {
  handle: string;
  page: string;
  /** Content fetched only after access (see the security notes). */
  src?: string;
  navigate?: PaywallGate['navigate'];
  'onva-state-change'?: (event: VaStateChangeEvent) => void;
  'onva-access-granted'?: (event: VaAccessGrantedEvent) => void;
};

/** Props of `<group-buy-card>`. */
export type GroupBuyCardProps = ElementProps<GroupBuyCard> & {
  handle: string;
  slug: string;
  navigate?: GroupBuyCard['navigate'];
};
/** Props of `<visitor-session>`. */
export type VisitorSessionProps = ElementProps<VisitorSession>;
/** Props of `<visitor-access-list>`. */
export type VisitorAccessListProps = ElementProps<VisitorAccessList>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in this namespace
  namespace JSX {
    interface IntrinsicElements {
      'paywall-gate': PaywallGateProps;
      'group-buy-card': GroupBuyCardProps;
      'visitor-session': VisitorSessionProps;
      'visitor-access-list': VisitorAccessListProps;
    }
  }
}
