// The browser's only door to /api, shaped like the official SDK's resources
// (`api.messages.stream(...)`, `api.batches.list(...)`). Failures throw one ApiError; show them
// with toUserMessage. State classes and workers call this; components never fetch.
export * as messages from './messages';
export * as models from './models';
export * as batches from './batches';
export * as batchIndex from './batch-index';
export * as files from './files';
export * as permalinks from './permalinks';
export * as prompts from './prompts';
export * as usage from './usage';
export * as evaluations from './evaluations';
export * as invites from './invites';
export { countTokens, type TokenCount } from './count-tokens';
export { ApiError, toUserMessage, type ApiErrorInfo } from './error';
export { formatWait } from '$lib/wait';
export type { CallOptions } from './transport';
export type { Cursor, Page } from './page';
