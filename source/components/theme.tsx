import {createContext, useContext} from 'react';
import type {Tone} from '../core/replica-status.js';

const toneColors: Record<Tone | 'accent' | 'dim', string> = {
	good: 'green',
	warn: 'yellow',
	bad: 'red',
	muted: 'gray',
	accent: 'cyan',
	dim: 'gray',
};

/** Whether to colour at all: false under NO_COLOR. Glyphs and words carry the meaning either way. */
export const ColorContext = createContext(true);

export function useColor(): (tone: keyof typeof toneColors) => string | undefined {
	const enabled = useContext(ColorContext);
	return tone => (enabled ? toneColors[tone] : undefined);
}
