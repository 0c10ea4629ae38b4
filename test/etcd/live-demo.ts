// A development entry point: start a cluster, print the view every second, and
// try faults from the command line. Not a test.
//   npx tsx test/etcd/live-demo.ts [members] [seconds] [columns]x[rows] [action@second ...]
// e.g. npx tsx test/etcd/live-demo.ts 3 10 120x40 crash-leader@3 restart@5 isolate-leader@6 heal@8 stale-read@7
import {createEtcdState, observe} from '../../source/core/etcd/observe.js';
import {etcdView} from '../../source/core/etcd/view.js';
import {etcdHints} from '../../source/core/etcd/keys.js';
import type {EtcdAction} from '../../source/core/etcd/types.js';
import {EtcdController} from '../../source/etcd/controller.js';
import {screenText} from '../helpers/screen-text.js';

const [membersText = '3', secondsText = '8', sizeText = '80x24', ...plans] = process.argv.slice(2);
const [columns, rows] = sizeText.split('x').map(Number) as [number, number];
const controller = new EtcdController({members: Number(membersText), seed: 7, rate: 5, preVote: false});
const info = await controller.start();
console.log(`ready in ${controller.readyMs?.toFixed(0)} ms; folder ${controller.folder}`);
let state = createEtcdState(info);
controller.subscribe(poll => {
	state = observe(state, poll);
});
const chromeRows = 1 + 2 + 2 + 1 + 1;
const draw = () => {
	const screen = etcdView(state, {columns, bodyRows: rows - chromeRows, selected: 0, cursor: 0});
	const hints = etcdHints(state, {selected: 0, cursor: 0}).map(hint => `${hint.keys} ${hint.label}`).join('  ');
	console.log(screenText(screen, columns, {runState: '▶ LIVE', hints}).join('\n'));
};

const started = performance.now();
const pending = plans.map(plan => {
	const [what, at] = plan.split('@');
	return {what: what!, at: Number(at) * 1000};
});
while (performance.now() - started < Number(secondsText) * 1000) {
	await new Promise(resolve => setTimeout(resolve, 250));
	const elapsed = performance.now() - started;
	for (const plan of pending.filter(plan => plan.at <= elapsed)) {
		pending.splice(pending.indexOf(plan), 1);
		const leader = state.leader?.member ?? 0;
		const down = state.members.findIndex(member => member.role === 'down' || member.role === 'paused');
		const actions: Record<string, EtcdAction> = {
			'crash-leader': {type: 'crash', member: leader},
			restart: {type: 'restart', member: Math.max(0, down)},
			'pause-follower': {type: 'pause', member: (leader + 1) % info.members.length},
			'isolate-leader': {type: 'isolate', member: 'leader'},
			heal: {type: 'heal'},
			'stale-read': {type: 'stale-read', member: state.faults.partition[0]?.[0] ?? leader},
		};
		const action = actions[plan.what];
		if (action) console.log('>>', plan.what, JSON.stringify(await controller.perform(action)));
	}

	if (Math.round(elapsed / 250) % 4 === 0) draw();
}

draw();
await controller.stop();
console.log('stopped');
console.log(state.events.map(event => `${(event.at / 1000).toFixed(2)} ${event.text}`).join('\n'));
console.log('findings', state.violationCount, JSON.stringify(state.leadersByTerm), JSON.stringify(state.staleRead));
