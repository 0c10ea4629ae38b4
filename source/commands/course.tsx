/** `replica-tui course`: the module as a path in one terminal app; `course --record DIR` renders it to GIFs and an index. */
import {findEtcd} from '../etcd/etcd-binary.js';
import {bundledCourse} from '../course/bundled-course.js';
import {CourseApp} from '../course/CourseApp.js';
import {startLiveScenario, stopLiveScenarios} from '../course/live-playable.js';
import {modeNamed} from '../core/modes.js';
import {runInTerminal} from '../interactive.js';
import type {ThemeName} from '../theme-names.js';

/** Plays the course until the user quits it; every cluster it started is stopped, however it ends. */
export async function runCourse(options: {theme: ThemeName | false; pace: number}): Promise<void> {
	const course = bundledCourse();
	const environment = {modeReady: (mode: string) => modeNamed(mode) !== undefined, etcd: findEtcd() !== undefined};
	try {
		await runInTerminal(onStill => <CourseApp course={course} environment={environment} theme={options.theme} pace={options.pace} startLive={startLiveScenario} onStill={onStill} />, {theme: options.theme});
	} finally {
		await stopLiveScenarios();
	}
}
