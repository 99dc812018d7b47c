// DriveApp and the advanced Drive service (v3) over the shared Workspace state.
export { createDriveApp } from './driveapp';
export { createAdvancedDrive } from './advanced';
export { createFileInState, createFolderInState } from './seed';
export type { SeedFile, SeedItem, SeedSharing } from './seed';
