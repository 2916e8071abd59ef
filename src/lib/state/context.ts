/**
 * The page's state classes, handed to components through Svelte context (typed get/set) rather
 * than as props through every level. A getter throws when called outside a provider.
 */
import { createContext } from 'svelte';
import type { PlaygroundState } from './playground.svelte';
import type { ToolLoopState } from './tool-loop.svelte';

const [getPlayground, setPlayground] = createContext<PlaygroundState>();
export { getPlayground, setPlayground };

const [getToolLoopContext, setToolLoop, hasToolLoop] = createContext<ToolLoopState>();
export { setToolLoop };

/** Undefined outside the playground page (the tools editor then offers no mocks or examples). */
export function getToolLoop(): ToolLoopState | undefined {
	return hasToolLoop() ? getToolLoopContext() : undefined;
}
