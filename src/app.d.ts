// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			/** Who is using the playground (from login or a trusted proxy header); "anonymous" when the gate is off. */
			user: string;
			/** The user of a valid playground API token sent as x-api-key, if any. */
			tokenUser?: string;
		}
	}
}

export {};
