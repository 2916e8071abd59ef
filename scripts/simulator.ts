// Standalone simulator: `npm run simulator -- --port 4010 [--host 127.0.0.1]`. Same API as the
// in-process one, for SDKs, other tools, benchmarks and the real-key path's tests.
import { parseArgs } from 'node:util';
import { getConfig } from '../src/lib/server/config';
import { simulatorFromConfig } from '../src/lib/server/upstream';
import { serveSimulator } from '../src/lib/server/simulator/node-server';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4010' },
		host: { type: 'string', default: '127.0.0.1' }
	}
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	process.stderr.write(`Invalid --port ${values.port}\n`);
	process.exit(1);
}
const server = await serveSimulator(simulatorFromConfig(getConfig()), port, values.host);
const address = server.address();
const actual = typeof address === 'object' && address ? address.port : port;
process.stdout.write(`Simulator listening on http://${values.host}:${actual}\n`);
