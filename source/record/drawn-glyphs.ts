/**
 * Characters the app draws that DejaVu Sans Mono lacks (a GIF would show the
 * missing-glyph box), drawn in code instead, like the box-drawing characters.
 * test/record/draw-frame.test.ts checks every character in source/ against the font.
 */
import type {SKRSContext2D} from '@napi-rs/canvas';

export type GlyphBox = {readonly width: number; readonly height: number; readonly baseline: number; readonly font: (size: number) => string; readonly fontSize: number};

/** ⓘ (U+24D8): a small letter i in a circle the height of a capital, as the notice line shows it. */
function circledI(context: SKRSContext2D, box: GlyphBox): void {
	const ring = Math.max(1, box.fontSize / 20);
	const radius = (box.width / 2) - ring;
	const centreX = box.width / 2;
	const centreY = box.baseline - (box.fontSize * 0.36);
	context.strokeStyle = '#fff';
	context.lineWidth = ring;
	context.beginPath();
	context.arc(centreX, centreY, radius, 0, 2 * Math.PI);
	context.stroke();
	// Regular weight, smaller: a bold i would touch the ring.
	context.font = box.font(Math.round(box.fontSize * 0.55)).replace(/^bold /, '');
	context.textAlign = 'center';
	context.textBaseline = 'middle';
	context.fillText('i', centreX, centreY);
	context.textAlign = 'start';
	context.textBaseline = 'alphabetic';
}

export const drawnGlyphs: ReadonlyMap<string, (context: SKRSContext2D, box: GlyphBox) => void> = new Map([['ⓘ', circledI]]);
