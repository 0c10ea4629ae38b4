// A child process that runs a controller, for the tests that end it in every way:
//   node --import tsx test/etcd/controller-child.ts stop|exit|throw|wait
// It prints {"folder","pids"} once the cluster is up, then:
//   stop: stops the controller and exits; exit: process.exit(0) without stopping;
//   throw: an uncaught error; wait: waits to be interrupted or killed.
import {EtcdController} from '../../source/etcd/controller.js';

const how = process.argv[2] ?? 'wait';
const controller = new EtcdController({members: 3, seed: 1, rate: 50, preVote: false});
await controller.start();
process.stdout.write(`${JSON.stringify({folder: controller.folder, pids: controller.pids, readyMs: controller.readyMs})}\n`);
if (how === 'stop') {
	await controller.stop();
} else if (how === 'exit') {
	process.exit(0);
} else if (how === 'throw') {
	setTimeout(() => {
		throw new Error('planned crash');
	}, 10);
} else {
	setInterval(() => undefined, 1000);
}
