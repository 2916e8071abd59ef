import type { ParamMatcher } from '@sveltejs/kit';

/** Batch ids are `msgbatch_...`; anything else cannot be one and gets the API-shaped 404 of api/[...rest]. */
export const match: ParamMatcher = (param) => /^msgbatch_[A-Za-z0-9]{1,128}$/.test(param);
