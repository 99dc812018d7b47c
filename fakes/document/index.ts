// DocumentApp over the shared Workspace state.
export { createDocumentApp } from './documentapp';
export { createDocumentInState } from './seed';
export type { SeedDocument } from './seed';
