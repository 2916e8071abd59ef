/** The page's one FilesState, handed to the Files panel and every document editor. */
import { getContext, setContext } from 'svelte';
import { FilesState } from './files.svelte';

const KEY = Symbol('files');

export function provideFiles(): FilesState {
	return setContext(KEY, new FilesState());
}

export function getFiles(): FilesState | undefined {
	return getContext<FilesState | undefined>(KEY);
}
