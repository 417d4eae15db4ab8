// Compile-time checks of the typed JSX (run by `tsc` in the build): each line below must fail to
// type-check. If the types were loose (or missing), `@ts-expect-error` itself would be an error.
import type {} from '@visitor-access/elements/react';

export const checks = (
  <>
    {/* @ts-expect-error -- `page` is required */}
    <paywall-gate handle="gharart" />
    {/* @ts-expect-error -- the event detail has no `pageTitle` */}
    <paywall-gate handle="gharart" page="masterclass" onva-access-granted={(e) => e.detail.pageTitle} />
    {/* @ts-expect-error -- `strings` keys are the elements' string keys */}
    <paywall-gate handle="gharart" page="masterclass" strings={{ notAKey: 'x' }} />
    {/* @ts-expect-error -- `theme` is 'light', 'dark' or 'auto' */}
    <visitor-session theme="sepia" />
    {/* @ts-expect-error -- the state names are the gate's own */}
    <paywall-gate handle="gharart" page="masterclass" onva-state-change={(e) => e.detail.state === 'paid'} />
    {/* @ts-expect-error -- `navigate` takes the checkout URL */}
    <group-buy-card handle="gharart" slug="spring-bundle" navigate={(url: number) => url} />
    {/* @ts-expect-error -- `<group-buy-card>` needs `slug` */}
    <group-buy-card handle="gharart" />
  </>
);
