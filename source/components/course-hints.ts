import {createContext} from 'react';
import {cellWidth} from '../core/engine/text.js';

/** Set while the course plays a scenario (or a mode): q goes back to the course, and the end offers the next scenario. */
export type CourseHints = {
	/** The next scenario's name, or undefined after the course's last (or in a mode opened from the course). */
	readonly next: string | undefined;
};

export const CourseContext = createContext<CourseHints | undefined>(undefined);

/** A hint line as the course says it: "q course" (q goes back to the list) instead of "q quit", where it fits. */
export function inCourse(text: string, width: number, course: CourseHints | undefined): string {
	if (!course) return text;
	for (const words of ['q course', 'q list']) {
		const said = text.replace(/q quit$/, words);
		if (cellWidth(said) <= width) return said;
	}

	return text;
}

/** The hint row at a scenario's end, in the course: Enter goes on to the next. */
export function courseEndText(course: CourseHints, width: number): string {
	if (course.next === undefined) return ' ■ end of the course · Enter or q: back to the list · b steps back';
	const texts = [` ■ end of the scenario · Enter: next, ${course.next} · b back · q course`, ` ■ end · Enter: next, ${course.next} · q course`, ` ■ end · Enter next · q course`];
	return texts.find(text => cellWidth(text) <= width) ?? texts.at(-1)!;
}
