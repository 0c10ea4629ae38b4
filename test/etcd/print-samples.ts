// Prints the etcd view's text for 3 and 5 members at 80×24 and 120×40 from a fixed sequence of polls.
//   npx tsx test/etcd/print-samples.ts
import {createEtcdState, observe} from '../../source/core/etcd/observe.js';
import {etcdView} from '../../source/core/etcd/view.js';
import {etcdHints} from '../../source/core/etcd/keys.js';
import {clusterInfo, healthy, member, poll} from '../core/etcd/fixtures.js';
import {screenText} from '../helpers/screen-text.js';

for (const members of [3, 5]) {
	let state = createEtcdState(clusterInfo(members));
	state = observe(state, healthy(300, 0, 2, 40, members));
	const commit = 8 + 40;
	const progress = Array.from({length: members}, (_, i) => ({match: i === 2 ? commit - 25 : commit, next: i === 2 ? commit - 24 : commit + 1, state: 'replicate'}));
	state = observe(state, poll(700, Array.from({length: members}, (_, i) => (i === 0 ? member(0, {process: 'down'}) : member(i, {term: 2, lead: 0, input: 40}))), {notes: [{text: 'killed m1 (SIGKILL to pid 4242)', tone: 'bad'}]}));
	state = observe(state, poll(1000, Array.from({length: members}, (_, i) => (i === 0 ? member(0, {process: 'down'}) : i === 1 ? member(1, {role: 'leader', term: 3, commit, input: 40, progress}) : member(i, {role: 'follower', term: 3, lead: 1, commit: i === 2 ? commit - 25 : commit, input: 40})))));
	for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
		console.log(`--- ${members} members at ${columns}×${rows}`);
		const hints = etcdHints(state).map(hint => `${hint.keys} ${hint.label}`).join('  ');
		console.log(screenText(etcdView(state, {columns, bodyRows: rows - 7, selected: 1, cursor: 0}), columns, {runState: '▶ LIVE', hints: ` space writes  ←→ pick  ${hints}  ? help  q quit`}).join('\n'));
	}
}
