// The parts of gifenc 1.0.3 (CommonJS, untyped) that gif.ts uses.
declare module 'gifenc' {
	type Color = number[];

	interface FrameOptions {
		palette?: Color[];
		delay?: number;
		repeat?: number;
		transparent?: boolean;
		transparentIndex?: number;
		dispose?: number;
		colorDepth?: number;
	}

	interface Encoder {
		writeFrame(index: Uint8Array, width: number, height: number, options?: FrameOptions): void;
		finish(): void;
		bytes(): Uint8Array;
		bytesView(): Uint8Array;
	}

	interface Gifenc {
		GIFEncoder(options?: {initialCapacity?: number; auto?: boolean}): Encoder;
		quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number, options?: {format?: 'rgb565' | 'rgb444' | 'rgba4444'}): Color[];
		nearestColorIndex(palette: Color[], pixel: Color): number;
	}

	const gifenc: Gifenc;
	export default gifenc;
}
