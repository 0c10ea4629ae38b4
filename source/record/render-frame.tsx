import chalk from 'chalk';
import {renderToString} from 'ink';
import {Dashboard} from '../components/Dashboard.js';
import {ColorContext} from '../components/theme.js';
import type {Session} from '../core/session.js';

/**
 * One frame of the dashboard as the terminal would show it, without a
 * terminal. Colour is forced on (or off) here, not detected from the process,
 * so the same session gives the same bytes under CI or in a pipe.
 */
export function renderFrame(session: Session, columns: number, rows: number, color: boolean): string {
	const level = chalk.level;
	chalk.level = color ? 3 : 0;
	try {
		return renderToString(
			<ColorContext.Provider value={color}>
				<Dashboard session={session} columns={columns} rows={rows} />
			</ColorContext.Provider>,
			{columns},
		);
	} finally {
		chalk.level = level;
	}
}
