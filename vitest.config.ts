import {availableParallelism} from 'node:os';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Vitest's default is one worker fewer than the cores: one worker on two cores, so files that wait (real etcd
		// clusters, live play in a pty at a pace) leave a core idle. Two at least; the files share no ports, folders or names.
		maxWorkers: Math.max(2, availableParallelism() - 1),
	},
});
