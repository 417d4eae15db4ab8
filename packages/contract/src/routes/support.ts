import * as z from 'zod/mini';
import { Handle, Slug } from '../common.js';
import type { AreaRoutes } from '../route-area.js';
import { defineRoute } from '../route.js';
import { routeMeta } from '../route-meta.js';
import type { meta } from './support.meta.js';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * Body of a support report (the end-user escalation path).
 *
 * @example
 * ```ts
 * import { SupportReportRequest } from '@visitor-access/contract';
 * SupportReportRequest.parse({ summary: 'Paid but locked', details: 'Checkout succeeded, page still locked', requestId: 'req_123' });
 * ```
 */
export const SupportReportRequest = z.object({
  summary: text(200),
  details: text(5000),
  handle: z.optional(z.string().check(z.maxLength(64))),
  sessionId: z.optional(z.string().check(z.maxLength(200))),
  requestId: z.optional(z.string().check(z.maxLength(200))),
  reproArtifact: z.optional(z.string().check(z.maxLength(10000))),
});
export type SupportReportRequest = z.input<typeof SupportReportRequest>;

/**
 * Body of a public content (abuse) report.
 *
 * @example
 * ```ts
 * import { ContentReportRequest } from '@visitor-access/contract';
 * ContentReportRequest.parse({ handle: 'gharart', pageSlug: 'welcome', reason: 'Spam' });
 * ```
 */
export const ContentReportRequest = z.object({
  handle: Handle,
  pageSlug: z.optional(Slug),
  reason: text(200),
  details: z.optional(z.string().check(z.maxLength(5000))),
});
export type ContentReportRequest = z.input<typeof ContentReportRequest>;

/**
 * Answer to either report.
 *
 * @example
 * ```ts
 * import { ReportResponse } from '@visitor-access/contract';
 * const result = ReportResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const ReportResponse = z.object({ reportId: z.string().check(z.startsWith('rep_')) });
export type ReportResponse = z.infer<typeof ReportResponse>;

/**
 * The `POST /v2/support/report` route: uses the visitor session cookie when present.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.supportReport.method; // 'POST'
 * routes.supportReport.path; // '/v2/support/report'
 * ```
 */
export const supportReport = defineRoute({
  ...routeMeta.supportReport,
  body: SupportReportRequest,
  responses: { 201: ReportResponse },
});

/**
 * The `POST /v2/public/content-report` route: no auth.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.contentReport.method; // 'POST'
 * routes.contentReport.path; // '/v2/public/content-report'
 * ```
 */
export const contentReport = defineRoute({
  ...routeMeta.contentReport,
  body: ContentReportRequest,
  responses: { 201: ReportResponse },
});

/**
 * The routes of this area, keyed by id, for the route table (`routes`): one per entry of its `meta`.
 *
 * @example
 * ```ts
 * import { supportRoutes } from '@visitor-access/contract';
 * Object.keys(supportRoutes); // ['supportReport', 'contentReport']
 * ```
 */
export const supportRoutes = { supportReport, contentReport } as const satisfies AreaRoutes<typeof meta>;
