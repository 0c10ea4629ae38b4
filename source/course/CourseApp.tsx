/**
 * `replica-tui course`: the list, and the scenario (or mode) chosen from it,
 * played by the same <App> as `replica-tui play`, in one Ink app. q in a
 * scenario comes back here, q here quits; at a scenario's end Enter goes on to
 * the next one.
 */
import {useApp, useInput, useStdin} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {App} from '../app.js';
import {CourseContext} from '../components/course-hints.js';
import type {ThemeName} from '../components/theme.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {ColorContext} from '../components/theme.js';
import {CourseList, listHeight} from './CourseList.js';
import type {Course} from './outline.js';
import {simulatedPlayable, type LiveStarter, type Playable} from './playable.js';
import {courseRows, isChoosable, missingFor, moveChoice, nextScenarioRow, scrollTo, type CourseEnvironment, type CourseRow} from './rows.js';

type Props = {
	readonly course: Course;
	readonly environment: CourseEnvironment;
	readonly theme?: ThemeName | false;
	/** Scenario time runs this many times faster than written (1 in a lecture). */
	readonly pace?: number;
	/** Starts a real cluster for an etcd scenario; without it such a scenario says it cannot play here. */
	readonly startLive?: LiveStarter;
	readonly onStill?: (prefix: string) => Promise<string>;
};

type View = {readonly kind: 'list'} | {readonly kind: 'play'; readonly row: number; readonly playable: Playable; readonly run: number};

const name = (row: CourseRow | undefined) => (row?.kind === 'scenario' ? row.scenario.name : undefined);

export function CourseApp({course, environment, theme = 'dark', pace = 1, startLive, onStill}: Props) {
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const size = useTerminalSize();
	const rows = useMemo(() => courseRows(course, environment), [course, environment]);
	const [selected, setSelectedState] = useState(() => Math.max(0, rows.findIndex(row => row.kind === 'scenario')));
	// Keys read the choice from here: a key that comes before React has run the last render's effects still sees it.
	const chosen = useRef(selected);
	const setSelected = (index: number) => {
		chosen.current = index;
		setSelectedState(index);
	};

	const [offset, setOffset] = useState(0);
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const [view, setViewState] = useState<View>({kind: 'list'});
	// The list's keys stay listened to while a scenario plays (and are ignored then), so a q typed the moment the list is back still quits.
	const showing = useRef<View['kind']>('list');
	const setView = (next: View) => {
		showing.current = next.kind;
		setViewState(next);
	};

	// While a real cluster starts, the list's keys wait.
	const isStarting = useRef(false);
	const setStarting = (value: boolean) => {
		isStarting.current = value;
	};

	/** Each play mounts a fresh player. */
	const runs = useRef(0);
	const height = listHeight(size.rows);
	const visibleOffset = scrollTo(offset, selected, height, rows.length);
	useEffect(() => {
		if (visibleOffset !== offset) setOffset(visibleOffset);
	}, [visibleOffset, offset]);

	const play = useCallback(
		(index: number) => {
			const row = rows[index]!;
			const run = ++runs.current;
			setSelected(index);
			const missing = missingFor(row, environment);
			if (missing) {
				const etcd = row.kind === 'scenario' && row.scenario.needs === 'etcd';
				setNotice(etcd ? `⚠ ${row.scenario.name}: etcd is not installed (apt-get install etcd-server)` : `⚠ ${missing}`);
				setView({kind: 'list'});
				return;
			}

			const playable = simulatedPlayable(row, pace);
			if (playable) {
				setNotice(undefined);
				setView({kind: 'play', row: index, playable, run});
				return;
			}

			if (row.kind !== 'scenario' || !startLive) {
				setNotice(`${name(row) ?? 'this'} cannot be played from the course here`);
				setView({kind: 'list'});
				return;
			}

			setView({kind: 'list'});
			setStarting(true);
			setNotice(`starting a real etcd cluster for ${row.scenario.name} … (Ctrl+C quits)`);
			startLive(row.scenario.name, pace).then(
				started => {
					setStarting(false);
					setNotice(undefined);
					setView({kind: 'play', row: index, playable: started, run});
				},
				(error: unknown) => {
					setStarting(false);
					setNotice(`⚠ could not start etcd: ${error instanceof Error ? error.message : String(error)}`);
				},
			);
		},
		[rows, environment, pace, startLive],
	);

	const leave = useCallback(
		(then: () => void) => {
			if (view.kind === 'play') void view.playable.stop?.();
			then();
		},
		[view],
	);

	useInput(
		(input, key) => {
			if (showing.current !== 'list' || isStarting.current) return;
			if (input === 'q' && !key.ctrl && !key.meta) {
				exit();
				return;
			}

			const move = (delta: number) => {
				setNotice(undefined);
				setSelected(moveChoice(rows, chosen.current, delta));
			};

			if (key.upArrow || input === 'k') move(-1);
			else if (key.downArrow || input === 'j') move(1);
			else if (key.pageUp) move(-height);
			else if (key.pageDown) move(height);
			else if (key.home) move(-rows.length);
			else if (key.end) move(rows.length);
			else if (key.return && isChoosable(rows[chosen.current]!)) play(chosen.current);
		},
		{isActive: Boolean(isRawModeSupported)},
	);

	if (view.kind === 'play') {
		const next = view.playable.scenario ? nextScenarioRow(rows, view.row) : undefined;
		const back = () => {
			leave(() => {
				setView({kind: 'list'});
			});
		};

		const onNext = view.playable.scenario
			? () => {
					leave(() => {
						if (next === undefined) setView({kind: 'list'});
						else play(next);
					});
				}
			: undefined;
		return (
			<ColorContext.Provider value={theme}>
				<CourseContext.Provider value={{next: name(next === undefined ? undefined : rows[next])}}>
					<App
						key={view.run}
						initial={view.playable.session}
						theme={theme}
						scenario={view.playable.scenario}
						live={view.playable.live}
						onStill={onStill ? async () => onStill(`replica-tui-${name(rows[view.row]) ?? view.playable.session.mode.name}`) : undefined}
						onQuit={back}
						onNext={onNext}
					/>
				</CourseContext.Provider>
			</ColorContext.Provider>
		);
	}

	return (
		<ColorContext.Provider value={theme}>
			<CourseList rows={rows} selected={selected} offset={visibleOffset} environment={environment} columns={size.columns} height={height} notice={notice} />
		</ColorContext.Provider>
	);
}
