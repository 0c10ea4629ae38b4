/** The course's list: topics with their modes, their scenarios, one line each; the chosen one described below. Renders only. */
import {Box, Text} from 'ink';
import {cellWidth, cut, fit, fitFirst, padEnd, wrapWords} from '../core/engine/text.js';
import {useColor} from '../components/theme.js';
import {missingFor, type CourseEnvironment, type CourseRow} from './rows.js';

/** Rows the list leaves for the rest: the title, the rule, two description lines and a status line, the key hints. */
export const listChromeRows = 6;

/** How many list rows show at `rows` (Ink's height stays at most rows − 1). */
export function listHeight(rows: number): number {
	return Math.max(1, rows - 1 - listChromeRows);
}

type Props = {
	readonly rows: readonly CourseRow[];
	readonly selected: number;
	readonly offset: number;
	readonly environment: CourseEnvironment;
	readonly columns: number;
	readonly height: number;
	/** One line of feedback (why a row does not play, a cluster starting), instead of the chosen row's status. */
	readonly notice: string | undefined;
};

const hints = [' ↑↓ choose · Enter play · PgUp/PgDn page · Home/End · q quit', ' ↑↓ choose · Enter play · q quit'];

function rowText(row: CourseRow, nameWidth: number, width: number, environment: CourseEnvironment): string {
	if (row.kind === 'topic') {
		const mode = row.modeReady ? `replica-tui ${row.topic.mode}` : `${row.topic.mode} mode: coming`;
		const title = `${row.number} ${row.topic.title}`;
		return cellWidth(title) + cellWidth(mode) + 3 <= width ? padEnd(title, width - cellWidth(mode) - 1) + mode : title;
	}

	if (row.kind === 'coming') return '    scenarios coming';
	const missing = missingFor(row, environment) ? '  ⚠ needs etcd' : row.scenario.needs ? '  (real etcd)' : '';
	const name = `    ${padEnd(row.scenario.name, nameWidth)}  `;
	return name + cut(row.scenario.description, width - cellWidth(name) - cellWidth(missing) - 1) + missing;
}

/** The chosen row, said in full under the list. */
function describe(row: CourseRow | undefined): {title: string; text: string} {
	if (!row || row.kind === 'coming') return {title: '', text: ''};
	if (row.kind === 'topic') return {title: row.topic.title, text: row.modeReady ? `Enter opens the ${row.topic.mode} mode to explore freely (paused; s steps, space runs).` : `The ${row.topic.mode} mode is being built; its scenarios will be listed here.`};
	return {title: `${row.scenario.name} · ${row.scenario.mode}`, text: row.scenario.description};
}

function status(row: CourseRow | undefined, environment: CourseEnvironment): string {
	if (!row) return '';
	const missing = missingFor(row, environment);
	if (missing) return `⚠ ${missing}`;
	if (row.kind === 'scenario') return row.scenario.needs ? 'Enter starts a real etcd cluster on this machine, then plays it' : 'Enter plays it · pause points wait for Enter · at its end, Enter plays the next';
	return '';
}

export function CourseList({rows, selected, offset, environment, columns, height, notice}: Props) {
	const color = useColor();
	const width = Math.max(1, columns);
	const nameWidth = Math.min(26, Math.max(...rows.map(row => (row.kind === 'scenario' ? cellWidth(row.scenario.name) : 0))));
	const shown = rows.slice(offset, offset + height);
	const chosen = rows[selected];
	const {title, text} = describe(chosen);
	const [first = '', second = ''] = wrapWords(text, width - 1, 2);
	const above = offset;
	const below = Math.max(0, rows.length - offset - height);
	const more = [above > 0 ? `▲ ${above} above` : '', below > 0 ? `▼ ${below} below` : ''].filter(Boolean).join(' · ');
	const rule = `─ ${title} ${'─'.repeat(Math.max(0, width - cellWidth(title) - cellWidth(more) - 6))} ${more} ─`;
	const scenarios = rows.filter(row => row.kind === 'scenario').length;
	const count = `${scenarios} scenarios `;
	const heading = fitFirst([' replica-tui course · module 2: replicated state machines and consensus', ' replica-tui course · replicated state machines and consensus', ' replica-tui course'], width - cellWidth(count));
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>{cellWidth(heading) + cellWidth(count) <= width ? padEnd(heading, width - cellWidth(count)) + count : fit(heading, width)}</Text>
			<Box flexDirection="column" height={height}>
				{shown.map((row, i) => {
					const index = offset + i;
					const isChosen = index === selected;
					const line = fit(`${isChosen ? '▸' : ' '}${rowText(row, nameWidth, width - 1, environment)}`, width);
					if (row.kind === 'topic') {
						return (
							<Text key={index} bold inverse={isChosen} color={row.modeReady ? color('accent') : color('muted')}>
								{line}
							</Text>
						);
					}

					const missing = missingFor(row, environment) !== undefined;
					return (
						<Text key={index} inverse={isChosen} color={row.kind === 'coming' ? color('muted') : missing ? color('warn') : undefined}>
							{line}
						</Text>
					);
				})}
			</Box>
			<Text color={color('dim')}>{fit(rule, width)}</Text>
			<Text>{fit(` ${first}`, width)}</Text>
			<Text>{fit(` ${second}`, width)}</Text>
			<Text bold color={notice || missingFor(chosen!, environment) ? color('warn') : color('dim')}>
				{fit(` ${notice ?? status(chosen, environment)}`, width)}
			</Text>
			<Text color={color('dim')}>{fit(hints.find(hint => cellWidth(hint) <= width) ?? hints.at(-1)!, width)}</Text>
		</Box>
	);
}
