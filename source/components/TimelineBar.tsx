import type {Session} from '../core/engine/session.js';
import {timelineEnd, timelineMarks} from '../core/engine/session.js';
import {timelineRow} from '../core/engine/timeline-bar.js';
import {StyledLine} from './StyledLine.js';

type Props = {readonly session: Session; readonly width: number};

/** The timeline bar above the key hints: the run so far, where the session stands on it, and its marks. */
export function TimelineBar({session, width}: Props) {
	return <StyledLine line={timelineRow(session.history.events, timelineEnd(session), timelineMarks(session), width)} width={width} />;
}
