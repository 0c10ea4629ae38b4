import http from 'node:http';

/** The outcome of one request: the parsed JSON body, or a few words on why there is none. */
export type JsonResult = {readonly ok: true; readonly value: unknown; readonly status: number} | {readonly ok: false; readonly error: string};

/** Few words for a socket error, as the screen shows them. */
export function describeNetworkError(error: NodeJS.ErrnoException): string {
	switch (error.code) {
		case 'ECONNREFUSED':
			return 'connection refused';
		case 'ECONNRESET':
			return 'connection reset';
		case 'EPIPE':
			return 'connection closed';
		default:
			return error.code ?? error.message;
	}
}

export type JsonClient = {
	/**
	 * One HTTP request to etcd's JSON gateway (or /debug/vars) with a hard
	 * timeout. Never throws: a refused connection, a timeout, a non-2xx answer
	 * or bad JSON come back as `{ok: false, error}`. GET when `body` is undefined.
	 */
	request(baseUrl: string, path: string, body: unknown, timeoutMs: number): Promise<JsonResult>;
	/** Ends the keep-alive connections (so a finished program exits at once). */
	close(): void;
};

/** A client with its own keep-alive connections: a poll round is a handful of small requests to each member. */
export function createJsonClient(): JsonClient {
	const agent = new http.Agent({keepAlive: true, maxSockets: 8, maxFreeSockets: 8});
	return {request: (baseUrl, path, body, timeoutMs) => requestJson(agent, baseUrl, path, body, timeoutMs), close: () => agent.destroy()};
}

function requestJson(agent: http.Agent, baseUrl: string, path: string, body: unknown, timeoutMs: number): Promise<JsonResult> {
	return new Promise(resolve => {
		const url = new URL(path, baseUrl);
		const payload = body === undefined ? undefined : JSON.stringify(body);
		let settled = false;
		const finish = (result: JsonResult) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(result);
		};

		const request = http.request(
			url,
			{
				method: payload === undefined ? 'GET' : 'POST',
				agent,
				headers: payload === undefined ? {} : {'content-type': 'application/json', 'content-length': Buffer.byteLength(payload)},
			},
			response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', error => finish({ok: false, error: describeNetworkError(error)}));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let value: unknown;
					try {
						value = JSON.parse(text);
					} catch {
						finish({ok: false, error: `HTTP ${response.statusCode ?? '?'}: not JSON`});
						return;
					}

					const status = response.statusCode ?? 0;
					if (status >= 200 && status < 300) finish({ok: true, value, status});
					else finish({ok: false, error: gatewayError(value) ?? `HTTP ${status}`});
				});
			},
		);
		const timer = setTimeout(() => {
			finish({ok: false, error: `timed out after ${timeoutMs >= 1000 ? `${(timeoutMs / 1000).toFixed(1)} s` : `${timeoutMs} ms`}`});
			request.destroy();
		}, timeoutMs);
		request.on('error', error => finish({ok: false, error: describeNetworkError(error)}));
		request.end(payload);
	});
}

/** etcd's gateway answers errors as {"error": "...", "message": "...", "code": N}. */
function gatewayError(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const record = value as Record<string, unknown>;
	const text = record['message'] ?? record['error'];
	return typeof text === 'string' ? text : undefined;
}
