import {render} from 'ink';
import {useState} from 'react';
import {Shell} from '../source/components/Shell.js';
import type {Session} from '../source/core/engine/session.js';
import {FakeTty} from './fake-tty.js';

/** The shell rendered by real Ink into a fake terminal, with the session set from outside. */
export function renderDashboard(initial: Session, columns: number, rows: number, incremental: boolean) {
	const stdout = new FakeTty(columns, rows);
	let setSession: (session: Session) => void = () => {};
	function Harness() {
		const [session, set] = useState(initial);
		setSession = set;
		return <Shell session={session} columns={columns} rows={rows} />;
	}

	const instance = render(<Harness />, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		incrementalRendering: incremental,
		maxFps: 1000,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	return {stdout, update: (session: Session) => setSession(session), unmount: () => instance.unmount()};
}
