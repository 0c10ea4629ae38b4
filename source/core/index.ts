export * from './voting/fault.js';
export * from './voting/quorum.js';
export * from './voting/replica-status.js';
export * from './voting/report.js';
export * from './voting/simulation.js';
export type * from './voting/types.js';
export {modelNamed, modelNames, models} from './models/index.js';
export {modeNamed, modeNames, modes} from './modes.js';
export {votingMode} from './voting/mode.js';
