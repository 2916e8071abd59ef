import * as api from '$lib/api';
import type { PromptLink } from '$lib/client/open-request';
import type { PromptSave } from '$lib/schemas';

/** Saves the draft as the next version of the prompt it came from, or as a new prompt. */
export function savePrompt(
	input: Omit<PromptSave, 'shared'>,
	link: PromptLink | undefined,
	asNew: boolean
) {
	return link && !asNew
		? api.prompts.savePromptVersion(link.id, input)
		: api.prompts.createPrompt(input);
}
