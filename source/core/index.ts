export * from './fault.js';
export * from './quorum.js';
export * from './replica-status.js';
export * from './report.js';
export * from './simulation.js';
export type * from './types.js';
export {modelNamed, modelNames, models} from './models/index.js';
export {modeNamed, modeNames, modes} from './modes.js';
export {votingMode} from './voting/mode.js';
