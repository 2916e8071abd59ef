/** The page's tool loop, shared with the request form's tools editor without prop drilling. */
import { getContext, setContext } from 'svelte';
import type { ToolLoopState } from './tool-loop.svelte';

const KEY = Symbol('tool-loop');

export function setToolLoop(loop: ToolLoopState): void {
	setContext(KEY, loop);
}

/** Undefined outside the playground page (the editor then offers no mocks). */
export function getToolLoop(): ToolLoopState | undefined {
	return getContext<ToolLoopState | undefined>(KEY);
}
