// The advanced Gmail service (v1) as Apps Script exposes it: `Gmail.Users.Labels`, `.Messages`
// (with `.Attachments`) and `.Threads` over the same mailbox as GmailApp. As in Apps Script, bytes
// fields (`raw`, `payload…body.data`, an attachment's `data`) arrive as byte arrays (signed
// 8-bit integers), not as the base64url text of the REST API; Google's own sample turns
// `message.raw` back into text with `Utilities.base64Encode`. Errors take the advanced services'
// shape: `GoogleJsonResponseException: API call to gmail.users.messages.get failed with error:
// Requested entity was not found.`, with `details` {errors, code, message}.
import type { FakeContext } from '../core/context';
import { toSigned } from '../core/bytes';
import { invalidArgument } from '../core/errors';
import { NotEmulatedError } from '../core/instrument';
import { encodeBytes, GmailApi, GmailApiError } from './api';
import type { GetArgs, ListArgs, Served } from './api';

type Message = GoogleAppsScript.Gmail.Schema.Message;
type Thread = GoogleAppsScript.Gmail.Schema.Thread;
type Label = GoogleAppsScript.Gmail.Schema.Label;
type LabelsCollection = GoogleAppsScript.Gmail.Collection.Users.LabelsCollection;
type MessagesCollection = GoogleAppsScript.Gmail.Collection.Users.MessagesCollection;
type ThreadsCollection = GoogleAppsScript.Gmail.Collection.Users.ThreadsCollection;
type AttachmentsCollection = GoogleAppsScript.Gmail.Collection.Users.Messages.AttachmentsCollection;
type UsersCollection = GoogleAppsScript.Gmail.Collection.UsersCollection;

export interface AdvancedGmailOptions {
  /** The add-on manifest's oauthScopes; absent means every scope is granted. */
  scopes?: readonly string[];
}

/** The advanced services' exception for an API error answer; `call` is e.g. `users.messages.get`. */
export function googleJsonResponseException(call: string, error: GmailApiError): Error {
  const exception = new Error(`API call to gmail.${call} failed with error: ${error.message}`);
  exception.name = 'GoogleJsonResponseException';
  (exception as Error & { details?: unknown }).details = {
    errors: [{ reason: error.reason, domain: 'global', message: error.entryMessage }],
    code: error.code,
    message: error.message,
  };
  return exception;
}

/** Runs one API call: charges the content it moved, encodes bytes, converts API errors. */
function serve<T>(ctx: FakeContext, call: string, run: () => Served): T {
  let served: Served;
  try {
    served = run();
  } catch (error) {
    if (error instanceof GmailApiError) throw googleJsonResponseException(call, error);
    throw error;
  }
  if (served.kb > 0) ctx.execution.units(served.kb);
  return encodeBytes(served.resource, bytes => toSigned(bytes)) as T;
}

/** The optional arguments object, refusing options the fake does not understand. */
function options(call: string, value: unknown, known: string[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidArgument('optionalArgs');
  const args = value as Record<string, unknown>;
  for (const key of Object.keys(args)) {
    if (args[key] !== undefined && !known.includes(key)) {
      throw new NotEmulatedError(`not emulated: Gmail.${call} option ${key}`);
    }
  }
  return args;
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return (Array.isArray(value) ? value : [value]).map(v => String(v));
}

function getArgs(call: string, optionalArgs: unknown): GetArgs {
  const args = options(call, optionalArgs, ['format', 'metadataHeaders']);
  return {
    format: args.format === undefined ? undefined : String(args.format),
    metadataHeaders: stringList(args.metadataHeaders),
  };
}

type LabelsApi = Pick<LabelsCollection, 'list' | 'get' | 'create'>;

class FakeGmailLabels implements LabelsApi {
  constructor(
    private ctx: FakeContext,
    private api: GmailApi
  ) {}

  list(userId: string): GoogleAppsScript.Gmail.Schema.ListLabelsResponse {
    return serve(this.ctx, 'users.labels.list', () => this.api.labelsList(userId));
  }
  get(userId: string, id: string): Label {
    return serve(this.ctx, 'users.labels.get', () => this.api.labelsGet(userId, id));
  }
  /** User labels only; a name already taken (in any letter case) is refused with 409. */
  create(resource: Label, userId: string): Label {
    return serve(this.ctx, 'users.labels.create', () => this.api.labelsCreate(userId, resource));
  }
}

type AttachmentsApi = Pick<AttachmentsCollection, 'get'>;

class FakeGmailAttachments implements AttachmentsApi {
  constructor(
    private ctx: FakeContext,
    private api: GmailApi
  ) {}

  get(
    userId: string,
    messageId: string,
    id: string
  ): GoogleAppsScript.Gmail.Schema.MessagePartBody {
    return serve(this.ctx, 'users.messages.attachments.get', () =>
      this.api.attachmentsGet(userId, messageId, id)
    );
  }
}

type MessagesApi = Pick<MessagesCollection, 'Attachments' | 'list' | 'get' | 'modify'>;

class FakeGmailMessages implements MessagesApi {
  Attachments: AttachmentsCollection;

  constructor(
    private ctx: FakeContext,
    private api: GmailApi
  ) {
    this.Attachments = ctx.wrap(
      new FakeGmailAttachments(ctx, api),
      'Gmail.Users.Messages.Attachments'
    ) as unknown as AttachmentsCollection;
  }

  /** Newest first; `maxResults` defaults to 100 and is capped at 500. */
  list(userId: string): GoogleAppsScript.Gmail.Schema.ListMessagesResponse;
  list(userId: string, optionalArgs: object): GoogleAppsScript.Gmail.Schema.ListMessagesResponse;
  list(userId: string, optionalArgs?: object): GoogleAppsScript.Gmail.Schema.ListMessagesResponse {
    const call = 'users.messages.list';
    const args = options('Users.Messages.list', optionalArgs, [
      'q',
      'maxResults',
      'pageToken',
      'labelIds',
      'includeSpamTrash',
    ]);
    const list: ListArgs = {
      q: args.q === undefined ? undefined : String(args.q),
      maxResults: args.maxResults === undefined ? undefined : Number(args.maxResults),
      pageToken: args.pageToken ? String(args.pageToken) : undefined,
      labelIds: stringList(args.labelIds),
      includeSpamTrash: args.includeSpamTrash === true,
    };
    return serve(this.ctx, call, () => this.api.messagesList(userId, list));
  }

  /** `format` full (default), metadata, minimal or raw. */
  get(userId: string, id: string): Message;
  get(userId: string, id: string, optionalArgs: object): Message;
  get(userId: string, id: string, optionalArgs?: object): Message {
    const args = getArgs('Users.Messages.get', optionalArgs);
    return serve(this.ctx, 'users.messages.get', () => this.api.messagesGet(userId, id, args));
  }

  modify(
    resource: GoogleAppsScript.Gmail.Schema.ModifyMessageRequest,
    userId: string,
    id: string
  ): Message {
    return serve(this.ctx, 'users.messages.modify', () =>
      this.api.messagesModify(userId, id, resource)
    );
  }
}

type ThreadsApi = Pick<ThreadsCollection, 'get' | 'modify'>;

class FakeGmailThreads implements ThreadsApi {
  constructor(
    private ctx: FakeContext,
    private api: GmailApi
  ) {}

  /** `format` full (default), metadata or minimal; messages oldest first. */
  get(userId: string, id: string): Thread;
  get(userId: string, id: string, optionalArgs: object): Thread;
  get(userId: string, id: string, optionalArgs?: object): Thread {
    const args = getArgs('Users.Threads.get', optionalArgs);
    return serve(this.ctx, 'users.threads.get', () => this.api.threadsGet(userId, id, args));
  }

  modify(
    resource: GoogleAppsScript.Gmail.Schema.ModifyThreadRequest,
    userId: string,
    id: string
  ): Thread {
    return serve(this.ctx, 'users.threads.modify', () =>
      this.api.threadsModify(userId, id, resource)
    );
  }
}

type UsersApi = Pick<UsersCollection, 'Labels' | 'Messages' | 'Threads'>;

class FakeGmailUsers implements UsersApi {
  Labels: LabelsCollection;
  Messages: MessagesCollection;
  Threads: ThreadsCollection;

  constructor(ctx: FakeContext, api: GmailApi) {
    this.Labels = ctx.wrap(
      new FakeGmailLabels(ctx, api),
      'Gmail.Users.Labels'
    ) as unknown as LabelsCollection;
    this.Messages = ctx.wrap(
      new FakeGmailMessages(ctx, api),
      'Gmail.Users.Messages'
    ) as unknown as MessagesCollection;
    this.Threads = ctx.wrap(
      new FakeGmailThreads(ctx, api),
      'Gmail.Users.Threads'
    ) as unknown as ThreadsCollection;
  }
}

type AdvancedGmailApi = Pick<
  GoogleAppsScript.Gmail,
  'Users' | 'newLabel' | 'newModifyMessageRequest' | 'newModifyThreadRequest'
>;

class FakeAdvancedGmail implements AdvancedGmailApi {
  Users: UsersCollection;

  constructor(ctx: FakeContext, options: AdvancedGmailOptions) {
    const api = new GmailApi(ctx, options.scopes);
    this.Users = ctx.wrap(
      new FakeGmailUsers(ctx, api),
      'Gmail.Users'
    ) as unknown as UsersCollection;
  }
  newLabel(): Label {
    return {};
  }
  newModifyMessageRequest(): GoogleAppsScript.Gmail.Schema.ModifyMessageRequest {
    return {};
  }
  newModifyThreadRequest(): GoogleAppsScript.Gmail.Schema.ModifyThreadRequest {
    return {};
  }
}

export function createAdvancedGmail(
  ctx: FakeContext,
  options: AdvancedGmailOptions = {}
): GoogleAppsScript.Gmail {
  return ctx.wrap(
    new FakeAdvancedGmail(ctx, options),
    'Gmail'
  ) as unknown as GoogleAppsScript.Gmail;
}
