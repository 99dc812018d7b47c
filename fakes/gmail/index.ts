// GmailApp over the shared Workspace state. Mail enters the state through ./seed (host side,
// with a MIME parser), which this module never imports, so the sandbox bundle stays free of it.
export { createGmailApp } from './app';
export type { GmailAppOptions } from './app';
export { currentMessageToken, GMAIL_SCOPES } from './access';
