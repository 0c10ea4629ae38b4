import {createContext, useContext} from 'react';
import type {Tone} from '../core/engine/screen.js';

import type {ThemeName} from '../theme-names.js';

export {themeNames, type ThemeName} from '../theme-names.js';

/**
 * Colours by meaning, per theme. "dark" suits a dark terminal; "light" a light
 * one (darker, saturated colours that a projector does not wash out);
 * "high-contrast" uses bright colours only, no grey.
 */
const palettes: Record<ThemeName, Record<Tone, string>> = {
	dark: {good: 'green', warn: 'yellow', bad: 'red', muted: 'gray', accent: 'cyan', dim: 'gray'},
	light: {good: '#006400', warn: '#8a4b00', bad: '#b00000', muted: '#444444', accent: '#0033aa', dim: '#444444'},
	'high-contrast': {good: 'greenBright', warn: 'yellowBright', bad: 'redBright', muted: 'white', accent: 'cyanBright', dim: 'white'},
};

/** The theme, or false under NO_COLOR: glyphs and words carry the meaning either way. */
export const ColorContext = createContext<ThemeName | false>('dark');

export function useColor(): (tone: Tone) => string | undefined {
	const theme = useContext(ColorContext);
	return tone => (theme ? palettes[theme][tone] : undefined);
}
