import chalk from 'chalk';
import {renderToString} from 'ink';
import {Shell} from '../components/Shell.js';
import {ColorContext, type ThemeName} from '../components/theme.js';
import type {Session} from '../core/engine/session.js';

/**
 * One frame of the screen as the terminal would show it, without a
 * terminal. Colour is forced on (or off) here, not detected from the process,
 * so the same session gives the same bytes under CI or in a pipe.
 */
export function renderFrame(session: Session, columns: number, rows: number, theme: ThemeName | false): string {
	const level = chalk.level;
	chalk.level = theme ? 3 : 0;
	try {
		return renderToString(
			<ColorContext.Provider value={theme}>
				<Shell session={session} columns={columns} rows={rows} />
			</ColorContext.Provider>,
			{columns},
		);
	} finally {
		chalk.level = level;
	}
}
