/**
 * One object store in the browser's IndexedDB, opened once and kept open. Every call is one
 * transaction that resolves only when the transaction has committed (a request's success comes
 * before the commit, and a write could still be lost after it), and rejects on error or abort.
 */
export function idbStore(dbName: string, store: string, options?: IDBObjectStoreParameters) {
	let opening: Promise<IDBDatabase> | undefined;

	function open(): Promise<IDBDatabase> {
		opening ??= new Promise((resolve, reject) => {
			const req = indexedDB.open(dbName, 1);
			req.onupgradeneeded = () => req.result.createObjectStore(store, options);
			req.onsuccess = () => {
				const db = req.result;
				// Another tab upgrading, or the browser closing it: the next call opens afresh.
				db.onversionchange = () => {
					db.close();
					opening = undefined;
				};
				db.onclose = () => (opening = undefined);
				resolve(db);
			};
			req.onerror = () => {
				opening = undefined;
				reject(req.error);
			};
		});
		return opening;
	}

	return async function transact<T>(
		mode: IDBTransactionMode,
		work: (store: IDBObjectStore) => IDBRequest<T> | void
	): Promise<T | undefined> {
		const t = (await open()).transaction(store, mode);
		const req = work(t.objectStore(store));
		return new Promise((resolve, reject) => {
			t.oncomplete = () => resolve(req ? req.result : undefined);
			t.onerror = () => reject(t.error);
			t.onabort = () => reject(t.error);
		});
	};
}
