/** The colour themes, by name (no React here: the CLI reads this before it decides whether to draw). */
export const themeNames = ['dark', 'light', 'high-contrast'] as const;
export type ThemeName = (typeof themeNames)[number];
