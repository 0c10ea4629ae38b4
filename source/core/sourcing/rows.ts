/** The sourcing screen's fixed rows: one event line, two decision lines (the mode tells the shell; "expect says" lays the screen out with them). */
export const sourcingRows = {event: 1, decision: 2} as const;
