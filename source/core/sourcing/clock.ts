/**
 * The bank's clock, in minutes since the accounts opened (day 1, 00:00). It is
 * simulated like everything else in the core: commands are stamped with it at
 * sequencing, and it moves on while a replay runs, so a replay happens at a
 * later time than the run it replays.
 */
export const minutesPerDay = 1440;

/** Bank time a replay spends on each command it re-runs. */
export const replayMinutesPerCommand = 60;

export function dayOf(minute: number): number {
	return Math.floor(minute / minutesPerDay) + 1;
}

export function startOfDay(day: number): number {
	return (day - 1) * minutesPerDay;
}

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** "day 3 14:05". */
export function formatClock(minute: number): string {
	const inDay = minute - startOfDay(dayOf(minute));
	return `day ${dayOf(minute)} ${twoDigits(Math.floor(inDay / 60))}:${twoDigits(inDay % 60)}`;
}

/** "24h", "97h30m": no space, so a sentence never wraps inside one. */
export function formatDuration(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
}
