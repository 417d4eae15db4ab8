import * as z from 'zod/mini';
import { Handle, Slug } from '../common.js';
import { defineRoute } from '../route.js';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Body of a support report (the end-user escalation path). */
export const SupportReportRequest = z.object({
  summary: text(200),
  details: text(5000),
  handle: z.optional(z.string().check(z.maxLength(64))),
  sessionId: z.optional(z.string().check(z.maxLength(200))),
  requestId: z.optional(z.string().check(z.maxLength(200))),
  reproArtifact: z.optional(z.string().check(z.maxLength(10000))),
});
export type SupportReportRequest = z.input<typeof SupportReportRequest>;

/** Body of a public content (abuse) report. */
export const ContentReportRequest = z.object({
  handle: Handle,
  pageSlug: z.optional(Slug),
  reason: text(200),
  details: z.optional(z.string().check(z.maxLength(5000))),
});
export type ContentReportRequest = z.input<typeof ContentReportRequest>;

/** Answer to either report. */
export const ReportResponse = z.object({ reportId: z.string().check(z.startsWith('rep_')) });
export type ReportResponse = z.infer<typeof ReportResponse>;

export const supportReport = defineRoute({
  id: 'supportReport',
  method: 'POST',
  path: '/v2/support/report',
  auth: 'visitor-optional',
  params: undefined,
  query: undefined,
  body: SupportReportRequest,
  responses: { 201: ReportResponse },
  idempotent: true,
});

export const contentReport = defineRoute({
  id: 'contentReport',
  method: 'POST',
  path: '/v2/public/content-report',
  auth: 'none',
  params: undefined,
  query: undefined,
  body: ContentReportRequest,
  responses: { 201: ReportResponse },
  idempotent: true,
});
