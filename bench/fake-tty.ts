import {Writable} from 'node:stream';

/** A terminal that is only a byte counter: Ink sees a TTY of the given size. */
export class FakeTty extends Writable {
	readonly isTTY = true;
	chunks: string[] = [];
	/** Called after each write, e.g. to time a frame. */
	onWrite: (() => void) | undefined;

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}

	override _write(chunk: Buffer | string, _encoding: string, callback: () => void): void {
		this.chunks.push(chunk.toString());
		this.onWrite?.();
		callback();
	}

	take(): string {
		const text = this.chunks.join('');
		this.chunks = [];
		return text;
	}
}
