import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createUtilities } from '../../fakes/utilities';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };

function start(state: WorkspaceState = createWorkspaceState({ users: [alice] })) {
  const execution = new Execution(state, { user: alice.email });
  return { state, execution, Utilities: createUtilities(createContext(state, execution)) };
}

const at = (iso: string) => new Date(iso);

describe('Utilities.computeDigest', () => {
  it('gives the SHA-256 of "abc" as signed bytes', () => {
    const { Utilities } = start();
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc')).toEqual([
      -70, 120, 22, -65, -113, 1, -49, -22, 65, 65, 64, -34, 93, -82, 34, 35, -80, 3, 97, -93, -106,
      23, 122, -100, -76, 16, -1, 97, -14, 0, 21, -83,
    ]);
  });

  it('gives the MD5 of "abc" and digests bytes as it digests their string', () => {
    const { Utilities } = start();
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc')).toEqual([
      -112, 1, 80, -104, 60, -46, 79, -80, -42, -106, 63, 125, 40, -31, 127, 114,
    ]);
    const bytes = Utilities.newBlob('héllo').getBytes();
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, bytes)).toEqual(
      Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, 'héllo')
    );
  });
});

describe('Utilities base64', () => {
  it('encodes UTF-8 text and decodes it back to the same bytes', () => {
    const { Utilities } = start();
    expect(Utilities.base64Encode('Hello, world!')).toBe('SGVsbG8sIHdvcmxkIQ==');
    expect(Utilities.base64Encode('héllo')).toBe('aMOpbGxv');
    const bytes = Utilities.base64Decode('aMOpbGxv');
    expect(bytes).toEqual([104, -61, -87, 108, 108, 111]);
    expect(Utilities.newBlob(bytes).getDataAsString()).toBe('héllo');
  });

  it('uses - and _ in the web-safe alphabet, and round trips either way', () => {
    const { Utilities } = start();
    const bytes = [-5, -1, -65];
    expect(Utilities.base64Encode(bytes)).toBe('+/+/');
    expect(Utilities.base64EncodeWebSafe(bytes)).toBe('-_-_');
    expect(Utilities.base64DecodeWebSafe('-_-_')).toEqual(bytes);
    expect(Utilities.base64Decode(Utilities.base64Encode(bytes))).toEqual(bytes);
    expect(Utilities.base64EncodeWebSafe('a')).toBe('YQ==');
  });

  it('refuses text that is not base64', () => {
    const { Utilities } = start();
    expect(() => Utilities.base64Decode('not base64!')).toThrow(
      new Error('Could not decode string.')
    );
  });
});

describe('Utilities.formatDate', () => {
  const london = 'Europe/London';

  it('shows London summer time (BST) an hour ahead of UTC', () => {
    const { Utilities } = start();
    expect(Utilities.formatDate(at('2017-07-01T12:00:00Z'), london, 'HH:mm')).toBe('13:00');
    expect(Utilities.formatDate(at('2017-01-02T09:00:00Z'), london, 'HH:mm')).toBe('09:00');
    expect(Utilities.formatDate(at('2017-07-01T12:00:00Z'), 'UTC', 'HH:mm')).toBe('12:00');
  });

  it('changes clocks at 01:00 UTC on the last Sundays of March and October', () => {
    const { Utilities } = start();
    const f = (iso: string) => Utilities.formatDate(at(iso), london, 'HH:mm z');
    expect(f('2017-03-26T00:59:00Z')).toBe('00:59 GMT');
    expect(f('2017-03-26T01:00:00Z')).toBe('02:00 BST');
    expect(f('2017-10-29T00:30:00Z')).toBe('01:30 BST');
    expect(f('2017-10-29T01:30:00Z')).toBe('01:30 GMT');
  });

  it('dates an evening UTC moment by its London day', () => {
    const { Utilities } = start();
    expect(Utilities.formatDate(at('2017-03-31T23:30:00Z'), london, 'yyyy-MM-dd')).toBe(
      '2017-04-01'
    );
    expect(Utilities.formatDate(at('2017-03-31T23:30:00Z'), 'UTC', 'yyyy-MM-dd')).toBe(
      '2017-03-31'
    );
  });

  it('writes the patterns the cards use', () => {
    const { Utilities } = start();
    const moment = at('2017-07-01T12:05:00Z');
    expect(Utilities.formatDate(moment, london, 'd MMMM yyyy')).toBe('1 July 2017');
    expect(Utilities.formatDate(moment, london, 'd MMMM yyyy, HH:mm')).toBe('1 July 2017, 13:05');
    expect(Utilities.formatDate(moment, london, 'EEE d MMM yy')).toBe('Sat 1 Jul 17');
    expect(Utilities.formatDate(moment, london, 'EEEE h:mm a')).toBe('Saturday 1:05 PM');
  });

  it("copies quoted text as is, with '' standing for a quote", () => {
    const { Utilities } = start();
    const moment = at('2017-07-01T12:00:00Z');
    expect(Utilities.formatDate(moment, london, "yyyy-MM-dd'T'HH:mm:ss")).toBe(
      '2017-07-01T13:00:00'
    );
    expect(Utilities.formatDate(moment, london, "h 'o''clock' a")).toBe("1 o'clock PM");
    expect(Utilities.formatDate(moment, london, "HH''mm")).toBe("13'00");
  });

  it('writes zone offsets in RFC 822 and ISO 8601 forms', () => {
    const { Utilities } = start();
    const summer = at('2017-07-01T12:00:00Z');
    const winter = at('2017-01-02T09:00:00Z');
    expect(Utilities.formatDate(summer, london, 'Z')).toBe('+0100');
    expect(Utilities.formatDate(winter, london, 'Z')).toBe('+0000');
    expect(Utilities.formatDate(summer, london, 'X|XX|XXX')).toBe('+01|+0100|+01:00');
    expect(Utilities.formatDate(winter, london, 'X|XX|XXX')).toBe('Z|Z|Z');
    expect(Utilities.formatDate(at('2017-07-01T12:00:00.042Z'), 'UTC', 'ss.SSS')).toBe('00.042');
  });

  it('refuses a pattern letter it does not know', () => {
    const { Utilities } = start();
    expect(() => Utilities.formatDate(at('2017-07-01T12:00:00Z'), london, 'qq')).toThrow(
      new Error("Illegal pattern character 'q'")
    );
  });
});

describe('Utilities.sleep, getUuid and newBlob', () => {
  it('advances the virtual clock by the time slept', () => {
    const { state, execution, Utilities } = start();
    const before = state.now;
    Utilities.sleep(1500);
    expect(state.now - before).toBe(1500);
    expect(execution.elapsedMs()).toBe(1500);
  });

  it('gives a different UUID on every call, across executions', () => {
    const state = createWorkspaceState({ users: [alice] });
    const seen = new Set<string>();
    for (let run = 0; run < 5; run++) {
      const { Utilities } = start(state);
      for (let i = 0; i < 200; i++) seen.add(Utilities.getUuid());
    }
    expect(seen.size).toBe(1000);
    for (const uuid of seen) {
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('makes a named blob with a content type from text or bytes', () => {
    const { execution, Utilities } = start();
    const blob = Utilities.newBlob('héllo', 'text/plain', 'note.txt');
    expect(blob.getName()).toBe('note.txt');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getDataAsString()).toBe('héllo');
    expect(blob.getBytes()).toHaveLength(6);
    const fromBytes = Utilities.newBlob([104, 105]);
    expect(fromBytes.getDataAsString()).toBe('hi');
    expect(fromBytes.getName()).toBeNull();
    expect(execution.snapshot().byKey['Utilities.Blob.getName']).toBe(2);
  });
});
