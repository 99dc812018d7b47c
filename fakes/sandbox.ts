// Entry of build/fakes.js: the fakes as one script loaded into each execution's sandbox before
// the add-on's bundle, so both live in the same JavaScript realm (as in Apps Script).
export { installFakes, NOT_EMULATED } from './index';
export { cardToJson } from './card-service';
export { servedOutput } from './content-service';
