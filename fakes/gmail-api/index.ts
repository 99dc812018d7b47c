// The Gmail API (v1) over the shared mailbox state: as the advanced `Gmail` service here, and as
// REST endpoints that UrlFetchApp serves (fakes/url-fetch).
export { createAdvancedGmail, googleJsonResponseException } from './advanced';
export type { AdvancedGmailOptions } from './advanced';
export { GMAIL_API_SCOPES, GmailApi, GmailApiError, labelIdsOf, userLabelId } from './api';
