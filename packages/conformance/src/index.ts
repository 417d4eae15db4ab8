/**
 * The Visitor Access conformance kit: the platform's documented behaviour as named scenario checks that run
 * over HTTP against any server — the reference mock, a staging copy, production with a test creator.
 *
 * @packageDocumentation
 */
export { runConformance, deadlineReason, type CheckResult, type ConformanceReport } from './run.js';
export { selectScenarios, ConformanceUsageError, type ConformanceOptions, type RunLimits } from './run/options.js';
export { ServerUnreachableError } from './run/probe.js';
export { scenarios, scenariosFor, siteProxyScenarios } from './scenarios/index.js';
export {
  DEFAULT_TARGET,
  NEED_REASONS,
  PREMISE_REASONS,
  PROFILE_LACKS,
  PROFILES,
  Visitor,
  DevApi,
  type Capabilities,
  type MailMessage,
  type Need,
  type PageRef,
  type Premise,
  type Profile,
  type Scenario,
  type ScenarioContext,
  type Target,
} from './context.js';
export { CheckFailed, CheckSkipped } from './expect.js';
export {
  AnswerTooLarge,
  CookieJar,
  ConnectionFailure,
  DeadlineReached,
  DEFAULT_MAX_BODY_BYTES,
  Http,
  parseSetCookie,
  type Answer,
  type FetchLike,
  type SendOptions,
  type SetCookie,
} from './http.js';
export { formatReport, ReportWriter, scenarioTable, type OutputFormat, type RunHeader } from './report.js';
