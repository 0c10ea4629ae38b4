/** Each member's own clock: virtual time plus a fixed skew, so a new leader's cluster time visibly differs. */
const skews = [0, 7, -4, 11, -9, 5, -2];

export const clockSkew = (member: number): number => skews[member % skews.length]!;

export const memberClock = (member: number, time: number): number => time + clockSkew(member);
