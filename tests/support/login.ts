import type { AppProcess } from './servers';

/** Posts the login form as a browser would; the answer's cookie is the session. */
export function postLogin(app: AppProcess, name: string, passcode: string): Promise<Response> {
	return fetch(app.url + '/login', {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: app.url
		},
		body: new URLSearchParams({ name, passcode })
	});
}

export async function signIn(app: AppProcess, name: string, passcode: string): Promise<string> {
	const res = await postLogin(app, name, passcode);
	const cookie = res.headers.get('set-cookie');
	if (res.status !== 303 || !cookie) throw new Error(`login as ${name} answered ${res.status}`);
	return cookie.split(';')[0];
}
