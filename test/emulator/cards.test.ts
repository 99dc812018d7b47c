// The emulator's card renderer, the parts that need no DOM: the card HTML subset, which widget is
// which, button looks, form values as Google sends them, date inputs and the card stack.
import type { CardJson } from '../../fakes/card-service/json';
import {
  cardHtmlToText,
  collectForm,
  contrastingText,
  describeAction,
  describeButton,
  describeIcon,
  describeWidget,
  errorCard,
  missingRequired,
  navigate,
  parseCardHtml,
  pickerMs,
  pickerValue,
  reduceResponse,
  safeHref,
  sanitizeCardHtml,
  splitCollapsible,
  type StackEntry,
  validateText,
  widgetTestId,
} from '../../emulator/web/card-model';

function card(name: string, title = name): CardJson {
  return { name, header: { title }, sections: [{ widgets: [{ divider: {} }] }] };
}

function names(stack: StackEntry[]): string[] {
  return stack.map(entry =>
    entry.kind === 'card' ? String(entry.card.name) : `list(${entry.cards.length})`
  );
}

describe('card HTML subset', () => {
  it('keeps the allowed tags', () => {
    expect(
      sanitizeCardHtml(
        '<b>bold</b> <i>it</i> <u>under</u> <s>struck</s><br><font color="#d4351c">red</font>'
      )
    ).toBe('<b>bold</b> <i>it</i> <u>under</u> <s>struck</s><br><font color="#d4351c">red</font>');
  });

  it('opens links in a new tab, without a handle on the page', () => {
    expect(sanitizeCardHtml('<a href="https://example.gov.uk/a?b=1&amp;c=2">guide</a>')).toBe(
      '<a href="https://example.gov.uk/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">guide</a>'
    );
  });

  it('shows any other tag as the text it is', () => {
    expect(sanitizeCardHtml('<script>alert(1)</script>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;'
    );
    expect(sanitizeCardHtml('<img src=x onerror="alert(1)">')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    );
    expect(sanitizeCardHtml('<div>a</div><p>b')).toBe('&lt;div&gt;a&lt;/div&gt;&lt;p&gt;b');
  });

  it('drops unsafe attributes and keeps only color and href', () => {
    expect(sanitizeCardHtml('<b onclick="x()">b</b>')).toBe('<b>b</b>');
    expect(sanitizeCardHtml('<font color="red" style="x">t</font>')).toBe(
      '<font color="red">t</font>'
    );
    expect(sanitizeCardHtml('<font color="expression(alert(1))">t</font>')).toBe('t');
    expect(sanitizeCardHtml('<a href="javascript:alert(1)">t</a>')).toBe('t');
    expect(safeHref('mailto:records@dfrr.gov.uk')).toBe('mailto:records@dfrr.gov.uk');
    expect(safeHref('data:text/html,x')).toBeUndefined();
  });

  it('decodes entities as text, so escaped markup stays text', () => {
    expect(sanitizeCardHtml('&lt;b&gt;not bold&lt;/b&gt; &amp; &#39;q&#39; &#x263A;')).toBe(
      '&lt;b&gt;not bold&lt;/b&gt; &amp; &#39;q&#39; ☺'
    );
    expect(cardHtmlToText('a &amp; b<br>c &unknown;')).toBe('a & b\nc &unknown;');
  });

  it('closes what a mismatched tag encloses and ignores stray closing tags', () => {
    expect(sanitizeCardHtml('<b><i>x</b>y</i></u>')).toBe('<b><i>x</i></b>y');
    expect(sanitizeCardHtml('<b>open')).toBe('<b>open</b>');
    expect(sanitizeCardHtml('a < b > c')).toBe('a &lt; b &gt; c');
  });

  it('parses into nodes the DOM renderer builds without innerHTML', () => {
    expect(parseCardHtml('<b>x</b><br>y')).toEqual([
      { kind: 'style', tag: 'b', children: [{ kind: 'text', text: 'x' }] },
      { kind: 'break' },
      { kind: 'text', text: 'y' },
    ]);
  });
});

describe('widgets', () => {
  it('names each known widget by its JSON key', () => {
    for (const type of [
      'textParagraph',
      'decoratedText',
      'buttonList',
      'textInput',
      'selectionInput',
      'dateTimePicker',
      'divider',
      'image',
      'grid',
      'chipList',
    ]) {
      const model = describeWidget({ [type]: {} });
      expect(model.type).toBe(type);
      expect(widgetTestId(model)).toBe(`widget-${type}`);
    }
  });

  it('turns a widget it does not know into a placeholder naming its type', () => {
    const model = describeWidget({ columns: { columnItems: [] } });
    expect(model).toEqual({ type: 'unknown', typeName: 'columns' });
    expect(widgetTestId(model)).toBe('widget-columns');
    expect(describeWidget({ horizontalAlignment: 'CENTER', carousel: {} })).toEqual({
      type: 'unknown',
      typeName: 'carousel',
    });
    expect(describeWidget({})).toEqual({ type: 'unknown', typeName: 'empty widget' });
    expect(describeWidget(null)).toEqual({ type: 'unknown', typeName: 'invalid widget' });
  });

  it('marks what is only in developer preview for add-ons', () => {
    expect(describeWidget({ chipList: { chips: [] } })).toMatchObject({
      preview: expect.any(String),
    });
    expect(
      describeWidget({ selectionInput: { name: 'n', type: 'MULTI_SELECT', items: [] } })
    ).toMatchObject({ preview: expect.stringContaining('MULTI_SELECT') });
    expect(describeWidget({ textParagraph: { text: 't' } })).not.toHaveProperty('preview');
  });

  it('keeps the first uncollapsibleWidgetsCount widgets of a collapsible section visible', () => {
    const widgets = ['a', 'b', 'c'];
    expect(splitCollapsible({ collapsible: true, uncollapsibleWidgetsCount: 1 }, widgets)).toEqual({
      shown: ['a'],
      hidden: ['b', 'c'],
    });
    expect(splitCollapsible({ collapsible: true }, widgets)).toEqual({
      shown: [],
      hidden: widgets,
    });
    // The count means nothing without collapsible.
    expect(splitCollapsible({ uncollapsibleWidgetsCount: 1 }, widgets)).toEqual({
      shown: widgets,
      hidden: [],
    });
  });

  it('describes buttons: style, custom colour with contrasting text, image buttons', () => {
    expect(describeButton({ text: 'Declare record' })).toMatchObject({
      kind: 'text',
      style: 'OUTLINED',
      disabled: false,
      testId: 'button-Declare record',
    });
    expect(describeButton({ text: 'Go', type: 'FILLED_TONAL', disabled: true })).toMatchObject({
      style: 'FILLED_TONAL',
      disabled: true,
    });
    expect(describeButton({ text: 'Old', type: 'TEXT' }).style).toBe('OUTLINED');
    expect(describeButton({ text: 'Footer' }, 'FILLED').style).toBe('FILLED');
    const coloured = describeButton({
      text: 'Go',
      type: 'BORDERLESS',
      color: { red: 1, green: 1, blue: 0 },
    });
    expect(coloured).toMatchObject({
      style: 'FILLED',
      background: 'rgb(255, 255, 0)',
      foreground: '#000000',
    });
    expect(contrastingText({ red: 0.11, green: 0.44, blue: 0.72 })).toBe('#ffffff');
    expect(describeButton({ icon: { knownIcon: 'STAR', altText: 'Favourite' } })).toMatchObject({
      kind: 'image',
      accessibleName: 'Favourite',
      testId: 'button-Favourite',
    });
    expect(describeButton({ icon: { knownIcon: 'STAR' } }).accessibleName).toBe('Button');
  });

  it('draws icons with a glyph and keeps their alt text', () => {
    expect(describeIcon({ knownIcon: 'EMAIL', altText: 'Email' })).toMatchObject({
      glyph: '✉',
      label: 'Email',
    });
    expect(describeIcon({ materialIcon: { name: 'check' } }).glyph).toBe('✓');
    // With no symbol for it, an icon shows its initial.
    expect(describeIcon({ materialIcon: { name: 'zebra' } }).glyph).toBe('Z');
    expect(describeIcon({ knownIcon: 'PERSON' }).glyph).toBe('P');
  });
});

describe('form values', () => {
  it('collects each kind of input as Google sends it', () => {
    expect(
      collectForm([
        { kind: 'dropdown', name: 'classification', value: 'OFFICIAL' },
        { kind: 'choice', name: 'descriptors', selected: ['PERSONAL DATA', 'COMMERCIAL'] },
        { kind: 'text', name: 'description', value: 'Minutes' },
        { kind: 'date', name: 'recordDate', ms: Date.UTC(2026, 0, 31) },
        { kind: 'choice', name: 'lock', selected: ['yes'] },
      ])
    ).toEqual({
      classification: ['OFFICIAL'],
      descriptors: ['PERSONAL DATA', 'COMMERCIAL'],
      description: 'Minutes',
      recordDate: { date: Date.UTC(2026, 0, 31) },
      lock: ['yes'],
    });
  });

  it('leaves out empty text, unticked boxes, switches that are off and unset dates', () => {
    expect(
      collectForm([
        { kind: 'text', name: 'description', value: '' },
        { kind: 'choice', name: 'handlingInstructions', selected: [] },
        { kind: 'choice', name: 'lock', selected: [] },
        { kind: 'date', name: 'recordDate', ms: null },
      ])
    ).toEqual({});
  });

  it('keeps text as typed, spaces included, and a dropdown even when its value is empty', () => {
    expect(
      collectForm([
        { kind: 'text', name: 'title', value: ' x ' },
        { kind: 'dropdown', name: 'series', value: '' },
      ])
    ).toEqual({ title: ' x ', series: [''] });
  });

  it('merges choices that share a name (several switches, say)', () => {
    expect(
      collectForm([
        { kind: 'choice', name: 'flags', selected: ['a'] },
        { kind: 'choice', name: 'flags', selected: [] },
        { kind: 'choice', name: 'flags', selected: ['b'] },
      ])
    ).toEqual({ flags: ['a', 'b'] });
  });

  it('finds the required inputs an action lacks', () => {
    const form = { series: ['S1'] };
    expect(
      missingRequired({ requiredWidgets: ['series', 'unit'] }, form, ['series', 'unit'])
    ).toEqual(['unit']);
    expect(
      missingRequired({ allWidgetsAreRequired: true }, form, ['series', 'description'])
    ).toEqual(['description']);
    expect(missingRequired({}, form, ['description'])).toEqual([]);
  });

  it('checks text against its validation', () => {
    expect(validateText('12', { inputType: 'INTEGER' })).toBeNull();
    expect(validateText('1.5', { inputType: 'INTEGER' })).toBe('Enter a whole number');
    expect(validateText('1.5e3', { inputType: 'FLOAT' })).toBeNull();
    expect(validateText('a@b', { inputType: 'EMAIL' })).toBe('Enter an email address');
    expect(validateText('abcdef', { characterLimit: 5 })).toBe('At most 5 characters');
    expect(validateText('', { inputType: 'INTEGER' })).toBeNull();
  });

  it('adds parameters from the click to the action (a grid item id)', () => {
    expect(
      describeAction(
        {
          function: 'onPick',
          parameters: [{ key: 'host', value: 'DRIVE' }],
          loadIndicator: 'NONE',
          persistValues: false,
        },
        { grid_item_identifier: 'item-2' }
      )
    ).toEqual({
      function: 'onPick',
      parameters: { host: 'DRIVE', grid_item_identifier: 'item-2' },
      loadIndicator: 'NONE',
      persistValues: false,
    });
  });
});

describe('date and time pickers', () => {
  const day = Date.UTC(2026, 2, 29);

  it('shows a date as its UTC day and reads it back as midnight UTC', () => {
    expect(pickerValue(day, 'DATE_ONLY')).toBe('2026-03-29');
    expect(pickerMs('2026-03-29', 'DATE_ONLY')).toBe(day);
  });

  it('shows a time as ms after midnight', () => {
    expect(pickerValue(13.5 * 3_600_000, 'TIME_ONLY')).toBe('13:30');
    expect(pickerMs('13:30', 'TIME_ONLY')).toBe(13.5 * 3_600_000);
  });

  it('shifts date and time by the offset and back', () => {
    const ms = day + 23 * 3_600_000;
    expect(pickerValue(ms, 'DATE_AND_TIME', 60)).toBe('2026-03-30T00:00');
    expect(pickerMs('2026-03-30T00:00', 'DATE_AND_TIME', 60)).toBe(ms);
  });

  it('reads an empty or broken value as no date', () => {
    expect(pickerMs('', 'DATE_ONLY')).toBeNull();
    expect(pickerMs('soon', 'TIME_ONLY')).toBeNull();
  });
});

describe('card stack', () => {
  const root: StackEntry[] = [{ kind: 'card', card: card('home') }];

  it('pushes and pops, never below the root', () => {
    let stack = navigate(root, { pushCard: card('declare') });
    stack = navigate(stack, { pushCard: card('done') });
    expect(names(stack)).toEqual(['home', 'declare', 'done']);
    stack = navigate(stack, { popCard: true });
    expect(names(stack)).toEqual(['home', 'declare']);
    stack = navigate(navigate(stack, { popCard: true }), { popCard: true });
    expect(names(stack)).toEqual(['home']);
  });

  it('pops to the root and to a named card; an unknown name changes nothing', () => {
    const stack = [
      root[0],
      ...['a', 'b', 'c'].map(n => ({ kind: 'card', card: card(n) }) as StackEntry),
    ];
    expect(names(navigate(stack, { popToRoot: true }))).toEqual(['home']);
    expect(names(navigate(stack, { popToCard: 'a' }))).toEqual(['home', 'a']);
    expect(names(navigate(stack, { popToCard: 'nowhere' }))).toEqual(['home', 'a', 'b', 'c']);
  });

  it('updates the card on top in place', () => {
    const stack = navigate(navigate(root, { pushCard: card('form') }), {
      updateCard: card('result'),
    });
    expect(names(stack)).toEqual(['home', 'result']);
    expect(names(navigate([], { updateCard: card('first') }))).toEqual(['first']);
  });

  it('keeps the entries it does not touch, so their rendered cards can be reused', () => {
    const stack = navigate(root, { pushCard: card('next') });
    expect(stack[0]).toBe(root[0]);
  });

  it('applies a response: navigations in order, notification and link', () => {
    const outcome = reduceResponse(
      root,
      {
        renderActions: {
          action: {
            navigations: [{ pushCard: card('a') }, { pushCard: card('b') }, { popCard: true }],
            notification: { text: 'Declared REC-2026-000001' },
            link: { url: 'https://example.gov.uk', openAs: 'FULL_SIZE', onClose: 'NOTHING' },
          },
        },
      },
      'push'
    );
    expect(names(outcome.stack)).toEqual(['home', 'a']);
    expect(outcome.notification).toBe('Declared REC-2026-000001');
    expect(outcome.link?.url).toBe('https://example.gov.uk');
  });

  it('shows one card of a list, or the list of headers when there are several', () => {
    expect(names(reduceResponse(root, { cards: [card('only')] }, 'replace').stack)).toEqual([
      'only',
    ]);
    expect(names(reduceResponse(root, { cards: [card('a'), card('b')] }, 'replace').stack)).toEqual(
      ['list(2)']
    );
    expect(names(reduceResponse(root, card('pushed'), 'push').stack)).toEqual(['home', 'pushed']);
  });

  it('reports file-scope requests and what it does not recognise', () => {
    expect(
      reduceResponse(
        root,
        { editorFileScopeRequest: { requestFileScopeForActiveDocument: true } },
        'push'
      )
    ).toMatchObject({ recognised: true, requestFileScope: true, stack: root });
    expect(
      reduceResponse(root, { driveItemsSelectedRequest: { fileScopeItemIds: ['f1'] } }, 'push')
        .driveFileScopeIds
    ).toEqual(['f1']);
    expect(reduceResponse(root, { something: 1 }, 'push').recognised).toBe(false);
    expect(reduceResponse(root, 'text', 'replace').recognised).toBe(false);
  });

  it('builds an error card that shows the message as text', () => {
    const error = errorCard('Bad <b>thing</b>');
    const text = error.sections[0].widgets[0].textParagraph?.text ?? '';
    expect(cardHtmlToText(text)).toBe('Error: Bad <b>thing</b>');
  });
});
