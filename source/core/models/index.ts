import type {Model} from './model.js';
import {bank} from './bank.js';
import {chain} from './chain.js';
import {kv} from './kv.js';

export const models: Readonly<Record<string, Model>> = {bank, chain, kv};
export const modelNames = Object.keys(models);

export function modelNamed(name: string): Model | undefined {
	return Object.hasOwn(models, name) ? models[name] : undefined;
}
