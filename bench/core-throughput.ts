import {createSimulation, step} from '../source/core/voting/simulation.js';
import {median} from './stats.js';

/** Replica-transitions per second, headless: bank, 5 replicas, 1,000,000 inputs in batches. */
export function coreThroughput(runs = 3, inputs = 1_000_000, batch = 10_000): number {
	const rates: number[] = [];
	for (let run = 0; run < runs; run++) {
		let sim = createSimulation({model: 'bank', replicas: 5, seed: run + 1, faults: []});
		const started = performance.now();
		for (let done = 0; done < inputs; done += batch) sim = step(sim, {type: 'input', count: batch});
		const seconds = (performance.now() - started) / 1000;
		if (sim.index !== inputs) throw new Error(`ran ${sim.index} inputs, not ${inputs}`);
		rates.push((inputs * 5) / seconds);
	}

	return median(rates);
}
