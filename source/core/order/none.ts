/**
 * No ordering: every client sends each input straight to every replica, and
 * a replica applies inputs in the order they arrive. Arrival orders differ
 * from replica to replica, so the replicas' states drift apart.
 */
import {replicaNode} from './names.js';
import type {Step} from './step.js';
import {replicasPerArch, type InputRef, type OrderMessage} from './types.js';

export function noneInput(step: Step, ref: InputRef): void {
	for (let index = 0; index < replicasPerArch; index++) step.send('none', ref.client, replicaNode(index), {type: 'input', ref});
}

export function noneDeliver(step: Step, index: number, message: OrderMessage): void {
	if (message.body.type !== 'input') return;
	step.deliver('none', index, message.body.ref);
}
