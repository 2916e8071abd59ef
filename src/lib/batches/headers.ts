/** Our own headers on a batch create (the body stays Anthropic-shaped); read by $lib/server/gateway/batch-index. */
export const LABEL_HEADER_NAME = 'x-playground-batch-label';
export const TEMPLATE_HEADER_NAME = 'x-playground-batch-template';
