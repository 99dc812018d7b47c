import {
  dedupeKey,
  emailFileBase,
  normaliseMessageId,
  renditionHtml,
  safeFileName,
} from '../../src/domain/email';
import { sanitiseEmailHtml } from '../../src/domain/html';

describe('emails as records', () => {
  it('deduplicates on the Message-ID, or on the content when the header is absent', () => {
    expect(normaliseMessageId('  <abc.123@mail.dfrr.gov.uk> ')).toBe('abc.123@mail.dfrr.gov.uk');
    expect(dedupeKey('<abc@x>', 'ff')).toBe('<abc@x>');
    expect(dedupeKey('abc@x', 'ff')).toBe('<abc@x>');
    expect(dedupeKey('', 'ff00')).toBe('sha256:ff00');
  });

  it('names saved files predictably and safely', () => {
    expect(
      emailFileBase(
        'REC-2017-000004',
        new Date('2017-01-09T10:00:00Z'),
        'RE: Grant / allocation: "final"?'
      )
    ).toBe('REC-2017-000004 2017-01-09 RE- Grant - allocation- -final--');
    expect(safeFileName('\u0000\u0007')).toBe('No subject');
    expect(safeFileName('تقرير الميزانية')).toBe('تقرير الميزانية');
    expect(safeFileName('x'.repeat(300)).length).toBeLessThanOrEqual(120);
  });

  it('renders a header block with the marking at the top and the bottom', () => {
    const html = renditionHtml(
      {
        subject: 'Grant <options>',
        from: 'PS/SoS <ps.sos@dfrr.gov.uk>',
        to: 'policy@dfrr.gov.uk',
        cc: '',
        date: null,
        messageId: 'a@b',
      },
      'OFFICIAL-SENSITIVE',
      '<p>Body</p>',
      '9 January 2017, 10:00'
    );
    expect(html.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
    expect(html).toContain('Grant &lt;options&gt;');
    expect(html).toContain('PS/SoS &lt;ps.sos@dfrr.gov.uk&gt;');
    expect(html).not.toContain(
      '<th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">Cc'
    );
  });
});

describe('sanitising email HTML', () => {
  it('removes scripts, handlers and javascript links', () => {
    const { html } = sanitiseEmailHtml(
      '<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:evil()">x</a><iframe src="https://e.example/"></iframe>',
      {}
    );
    expect(html).not.toMatch(/script|onclick|javascript|iframe/i);
    expect(html).toContain('<p>Hi</p>');
  });

  it('embeds inline cid images and never fetches remote ones', () => {
    const { html, remoteImagesRemoved } = sanitiseEmailHtml(
      '<img src="cid:logo@dfrr"><img src="https://tracker.example/pixel.gif"><img src="cid:missing">',
      { 'logo@dfrr': 'data:image/png;base64,iVBORw0KGgo=' }
    );
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).not.toContain('tracker.example');
    expect(remoteImagesRemoved).toBe(1);
    expect(html.match(/\[image not included\]/g)).toHaveLength(2);
  });
});
