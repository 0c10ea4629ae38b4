/**
 * Cluster timers: every member's consensus module holds them (its service
 * scheduled them while processing the same log), but only the active leader
 * fires them: a firing is a TimerEvent appended with the leader's time.
 */
import {clockSkew, memberClock} from './clock.js';
import {appendRecord} from './stream.js';
import {memberName} from './names.js';
import {consume, timerInput} from './service.js';
import type {DraftMember, Tx} from './tx.js';
import {hash3} from '../engine/random.js';

/** Whether this member fires timers now: the active leader, not suspended for a snapshot (with the follower-timers bug: followers too). */
function fires(tx: Tx, m: DraftMember): boolean {
	if (m.role === 'leader') return m.election === 'closed' && !m.snapshotting;
	return m.role === 'follower' && m.election === 'closed' && tx.config.bugs.includes('follower-timers');
}

/** Schedules the member's timer event at its earliest deadline (in virtual time), or cancels it. */
export function armTimers(tx: Tx, m: DraftMember): void {
	if (!fires(tx, m) || m.timers.length === 0) {
		tx.cancel('timer', m.id);
		return;
	}

	let deadline = Number.POSITIVE_INFINITY;
	for (const timer of m.timers) deadline = Math.min(deadline, timer.deadline);
	tx.reschedule('timer', m.id, Math.max(tx.time, deadline - clockSkew(m.id)));
}

/** The member's timer event: the leader appends a TimerEvent for each due timer. */
export function onTimerDue(tx: Tx, m: DraftMember): void {
	const now = memberClock(m.id, tx.time);
	const due = m.timers.filter(timer => timer.deadline <= now);
	if (!fires(tx, m) || due.length === 0) {
		tx.say(`${memberName(m.id)} has no timer due`);
		armTimers(tx, m);
		return;
	}

	m.timers = m.timers.filter(timer => timer.deadline > now);
	if (m.role === 'leader') {
		for (const timer of due) {
			const record = appendRecord(tx, m, {type: 'timer', timer: timer.id});
			m.uncommittedTimers = [...m.uncommittedTimers, timer];
			tx.say(`leader ${memberName(m.id)}'s timer T${timer.id} expires at its time ${now}: appends TimerEvent at ${record.start} (due ${timer.deadline})`);
		}
	} else {
		// The bug: a follower fires on its own clock, outside the log.
		for (const timer of due) {
			m.service = {...m.service, machine: tx.model.apply(m.service.machine, timerInput(tx, timer.id)), digest: hash3(m.service.digest, -timer.id, now)};
			tx.note('followerTimerFires', tx.seen.followerTimerFires + 1);
			tx.say(`⚠ follower ${memberName(m.id)} fires T${timer.id} on its own clock (${now}), outside the log`);
			tx.breakLamp('same-records', `${memberName(m.id)}'s service processed T${timer.id} fired on its own clock at ${now}: a timer that is no record of the log (only the leader fires it, as a TimerEvent at a log position)`);
		}

		consume(tx, m, m.commit);
	}

	armTimers(tx, m);
}
