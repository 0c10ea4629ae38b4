// A temporary entry point until the lead wires `replica-tui etcd --steps N`:
//   npx tsx test/etcd/run-headless.ts --steps 200 --members 3 --fault leader:crash@50 --fault restart@120 [--json]
import meow from 'meow';
import {etcdFlags, parseEtcdConfig} from '../../source/core/etcd/config.js';
import {UsageError} from '../../source/core/engine/usage-error.js';
import {etcdHeadlessMain} from '../../source/etcd/headless.js';

const cli = meow('see source/etcd/headless.ts', {importMeta: import.meta, flags: etcdFlags, booleanDefault: undefined});
try {
	const config = parseEtcdConfig(cli.flags as Record<string, string | boolean | string[] | undefined>);
	process.exitCode = await etcdHeadlessMain(config, text => console.log(text), text => process.stderr.write(`${text}\n`));
} catch (error) {
	if (!(error instanceof UsageError)) throw error;
	process.stderr.write(`replica-tui: ${error.message}\n`);
	process.exitCode = 2;
}
