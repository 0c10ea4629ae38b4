export type TerminalSize = {readonly columns: number; readonly rows: number};

export const sizeRule = 'COLUMNSxROWS, e.g. 80x24 (20–400 by 8–200)';

/** Parses "80x24"; undefined when it is not a size a recording can have. */
export function parseTerminalSize(text: string): TerminalSize | undefined {
	const match = /^(\d+)x(\d+)$/.exec(text);
	if (!match) return undefined;
	const columns = Number(match[1]);
	const rows = Number(match[2]);
	return columns >= 20 && columns <= 400 && rows >= 8 && rows <= 200 ? {columns, rows} : undefined;
}
