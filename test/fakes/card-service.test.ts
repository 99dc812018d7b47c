import {
  CARD_MESSAGES,
  cardToJson,
  createCardService,
  withoutFieldName,
  type ActionResponseJson,
  type CardJson,
} from '../../fakes/card-service';
import { allActions, findInput, findWidgets, textOf } from '../../fakes/card-service/query';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';

type CS = GoogleAppsScript.Card_Service.CardService;

function setup() {
  const state = createWorkspaceState({ users: [{ email: 'alice@dfrr.gov.uk', name: 'Alice' }] });
  const execution = new Execution(state, { user: 'alice@dfrr.gov.uk' });
  const ctx = createContext(state, execution);
  return { state, execution, CardService: createCardService(ctx) };
}

const REVIEW_DATE = Date.UTC(2026, 0, 1);

/** The declare form, built the way the product builds it. */
function declareCard(CardService: CS): GoogleAppsScript.Card_Service.Card {
  const declare = () =>
    CardService.newAction()
      .setFunctionName('onDeclare')
      .setParameters({ host: 'DOCS', itemId: 'doc-1' })
      .setLoadIndicator(CardService.LoadIndicator.SPINNER);
  const cancel = () =>
    CardService.newAction()
      .setFunctionName('onCancel')
      .setLoadIndicator(CardService.LoadIndicator.NONE)
      .setPersistValues(true);
  const declareButton = () =>
    CardService.newTextButton()
      .setText('Declare')
      .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
      .setBackgroundColor('#1d70b8')
      .setOnClickAction(declare());
  const cancelButton = () =>
    CardService.newTextButton().setText('Cancel').setOnClickAction(cancel());

  return CardService.newCardBuilder()
    .setName('declare')
    .setHeader(
      CardService.newCardHeader()
        .setTitle('Declare as record')
        .setSubtitle('Budget 2025.docx')
        .setImageUrl('https://example.gov.uk/icon.png')
        .setImageStyle(CardService.ImageStyle.CIRCLE)
    )
    .addSection(
      CardService.newCardSection()
        .setHeader('Item')
        .addWidget(
          CardService.newDecoratedText()
            .setTopLabel('Title')
            .setText('Budget <b>2025</b>')
            .setWrapText(true)
        )
    )
    .addSection(
      CardService.newCardSection()
        .setHeader('Classification')
        .setCollapsible(true)
        .setNumUncollapsibleWidgets(3)
        .addWidget(
          CardService.newSelectionInput()
            .setType(CardService.SelectionInputType.DROPDOWN)
            .setFieldName('classification')
            .setTitle('Classification')
            .addItem('OFFICIAL', 'OFFICIAL', true)
            .addItem('OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE', false)
        )
        .addWidget(
          CardService.newTextInput().setFieldName('title').setTitle('Title').setValue('Budget 2025')
        )
        .addWidget(
          CardService.newTextInput()
            .setFieldName('description')
            .setTitle('Description')
            .setHint('What the record is about')
            .setMultiline(true)
        )
        .addWidget(
          CardService.newDatePicker()
            .setFieldName('reviewDate')
            .setTitle('Review date')
            .setValueInMsSinceEpoch(REVIEW_DATE)
        )
        .addWidget(CardService.newButtonSet().addButton(declareButton()).addButton(cancelButton()))
    )
    .addCardAction(
      CardService.newCardAction()
        .setText('Help')
        .setOpenLink(CardService.newOpenLink().setUrl('https://example.gov.uk/help/'))
    )
    .setFixedFooter(
      CardService.newFixedFooter()
        .setPrimaryButton(declareButton())
        .setSecondaryButton(cancelButton())
    )
    .build();
}

const declareButtonJson = {
  text: 'Declare',
  type: 'FILLED',
  color: { red: 0x1d / 255, green: 0x70 / 255, blue: 0xb8 / 255 },
  onClick: {
    action: {
      function: 'onDeclare',
      parameters: [
        { key: 'host', value: 'DOCS' },
        { key: 'itemId', value: 'doc-1' },
      ],
      loadIndicator: 'SPINNER',
      persistValues: false,
    },
  },
};
const cancelButtonJson = {
  text: 'Cancel',
  onClick: {
    action: { function: 'onCancel', parameters: [], loadIndicator: 'NONE', persistValues: true },
  },
};

/** One section holding `widget`, the smallest card that builds. */
function cardWith(CardService: CS, widget: GoogleAppsScript.Card_Service.Widget) {
  return CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(widget));
}

function paragraph(CardService: CS, text = 'x') {
  return CardService.newTextParagraph().setText(text);
}

describe('CardService fake: building cards', () => {
  it('serialises the declare form to google.apps.card.v1 JSON', () => {
    const { CardService } = setup();
    expect(cardToJson(declareCard(CardService))).toEqual({
      name: 'declare',
      header: {
        title: 'Declare as record',
        subtitle: 'Budget 2025.docx',
        imageUrl: 'https://example.gov.uk/icon.png',
        imageType: 'CIRCLE',
      },
      sections: [
        {
          header: 'Item',
          widgets: [
            { decoratedText: { topLabel: 'Title', text: 'Budget <b>2025</b>', wrapText: true } },
          ],
        },
        {
          header: 'Classification',
          collapsible: true,
          uncollapsibleWidgetsCount: 3,
          widgets: [
            {
              selectionInput: {
                name: 'classification',
                label: 'Classification',
                type: 'DROPDOWN',
                items: [
                  { text: 'OFFICIAL', value: 'OFFICIAL', selected: true },
                  { text: 'OFFICIAL-SENSITIVE', value: 'OFFICIAL-SENSITIVE', selected: false },
                ],
              },
            },
            {
              textInput: {
                name: 'title',
                label: 'Title',
                value: 'Budget 2025',
                type: 'SINGLE_LINE',
              },
            },
            {
              textInput: {
                name: 'description',
                label: 'Description',
                hintText: 'What the record is about',
                type: 'MULTIPLE_LINE',
              },
            },
            {
              dateTimePicker: {
                name: 'reviewDate',
                label: 'Review date',
                type: 'DATE_ONLY',
                valueMsEpoch: '1767225600000',
              },
            },
            { buttonList: { buttons: [declareButtonJson, cancelButtonJson] } },
          ],
        },
      ],
      cardActions: [
        {
          actionLabel: 'Help',
          onClick: {
            openLink: {
              url: 'https://example.gov.uk/help/',
              openAs: 'FULL_SIZE',
              onClose: 'NOTHING',
            },
          },
        },
      ],
      fixedFooter: { primaryButton: declareButtonJson, secondaryButton: cancelButtonJson },
    });
  });

  it('emits only the fields that were set, as plain JSON', () => {
    const { CardService } = setup();
    const json = cardToJson(declareCard(CardService)) as CardJson;
    expect(Object.keys(json.sections[0])).toEqual(['header', 'widgets']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.stringify(json)).not.toContain('undefined');
  });

  it('prints the built card as the same JSON', () => {
    const { CardService } = setup();
    const card = declareCard(CardService);
    expect(JSON.parse(card.printJson())).toEqual(cardToJson(card));
  });

  it('snapshots at build(): later changes to the builders do not reach a built card', () => {
    const { CardService } = setup();
    const input = CardService.newTextInput().setFieldName('title').setValue('First');
    const builder = cardWith(CardService, input);
    const first = builder.build();
    input.setValue('Second');
    builder.setName('later');
    expect(findInput(cardToJson(first), 'title')).toMatchObject({ value: 'First' });
    expect(cardToJson(first)).not.toHaveProperty('name');
    expect(findInput(cardToJson(builder.build()), 'title')).toMatchObject({ value: 'Second' });
  });

  it('shows a button added straight to a section as a one-button list', () => {
    const { CardService } = setup();
    const button = CardService.newTextButton()
      .setText('Open')
      .setOpenLink(
        CardService.newOpenLink()
          .setUrl('https://example.gov.uk/r/1')
          .setOpenAs(CardService.OpenAs.OVERLAY)
          .setOnClose(CardService.OnClose.RELOAD_ADD_ON)
      );
    expect(findWidgets(cardToJson(cardWith(CardService, button).build()))).toEqual([
      {
        buttonList: {
          buttons: [
            {
              text: 'Open',
              onClick: {
                openLink: {
                  url: 'https://example.gov.uk/r/1',
                  openAs: 'OVERLAY',
                  onClose: 'RELOAD',
                },
              },
            },
          ],
        },
      },
    ]);
  });

  it('maps the deprecated TEXT button style to OUTLINED and rejects a malformed colour', () => {
    const { CardService } = setup();
    const button = CardService.newTextButton()
      .setText('Go')
      .setTextButtonStyle(CardService.TextButtonStyle.TEXT)
      .setOnClickAction(CardService.newAction().setFunctionName('go'));
    const [widget] = findWidgets(cardToJson(cardWith(CardService, button).build()));
    expect(widget.buttonList?.buttons[0].type).toBe('OUTLINED');
    expect(() => button.setBackgroundColor('blue')).toThrow('Invalid argument: backgroundColor');
  });

  it('renders decorated text with icons, a switch and a button, and grids', () => {
    const { CardService } = setup();
    const section = CardService.newCardSection()
      .addWidget(
        CardService.newDecoratedText()
          .setText('Lock after declaring')
          .setStartIcon(
            CardService.newIconImage().setIcon(CardService.Icon.BOOKMARK).setAltText('Lock')
          )
          .setSwitchControl(
            CardService.newSwitch()
              .setFieldName('lock')
              .setValue('yes')
              .setSelected(true)
              .setControlType(CardService.SwitchControlType.CHECK_BOX)
              .setOnChangeAction(CardService.newAction().setFunctionName('onLockToggled'))
          )
      )
      .addWidget(
        CardService.newDecoratedText()
          .setText('Owner')
          .setIconUrl('https://example.gov.uk/person.png')
          .setButton(
            CardService.newImageButton()
              .setIcon(CardService.Icon.EMAIL)
              .setAltText('Email the owner')
              .setOnClickAction(CardService.newAction().setFunctionName('onEmailOwner'))
          )
      )
      .addWidget(
        CardService.newGrid()
          .setTitle('Recent records')
          .setNumColumns(2)
          .addItem(
            CardService.newGridItem()
              .setIdentifier('rec-1')
              .setTitle('Budget')
              .setImage(CardService.newImageComponent().setImageUrl('https://example.gov.uk/1.png'))
          )
          .setOnClickAction(CardService.newAction().setFunctionName('onOpenRecord'))
      );
    const widgets = findWidgets(
      cardToJson(CardService.newCardBuilder().addSection(section).build())
    );
    expect(widgets[0].decoratedText).toEqual({
      text: 'Lock after declaring',
      startIcon: { knownIcon: 'BOOKMARK', altText: 'Lock' },
      switchControl: {
        name: 'lock',
        value: 'yes',
        selected: true,
        controlType: 'CHECK_BOX',
        onChangeAction: {
          function: 'onLockToggled',
          parameters: [],
          loadIndicator: 'SPINNER',
          persistValues: false,
        },
      },
    });
    expect(widgets[1].decoratedText?.startIcon).toEqual({
      iconUrl: 'https://example.gov.uk/person.png',
    });
    expect(widgets[1].decoratedText?.button?.icon).toEqual({
      knownIcon: 'EMAIL',
      altText: 'Email the owner',
    });
    expect(widgets[2].grid).toMatchObject({
      title: 'Recent records',
      columnCount: 2,
      items: [
        { id: 'rec-1', title: 'Budget', image: { imageUri: 'https://example.gov.uk/1.png' } },
      ],
      onClick: { action: { function: 'onOpenRecord' } },
    });
  });
});

describe('CardService fake: actions', () => {
  it('keeps action parameters as key/value string pairs in insertion order', () => {
    const { CardService } = setup();
    const action = CardService.newAction()
      .setFunctionName('dispatch')
      .setParameters({ action: 'declare', recordId: 'R-0001', urgent: 'false' });
    const button = CardService.newTextButton().setText('Go').setOnClickAction(action);
    const [widget] = findWidgets(cardToJson(cardWith(CardService, button).build()));
    expect(widget.buttonList?.buttons[0].onClick?.action?.parameters).toEqual([
      { key: 'action', value: 'declare' },
      { key: 'recordId', value: 'R-0001' },
      { key: 'urgent', value: 'false' },
    ]);
  });

  it('refuses parameters that are not all strings', () => {
    const { CardService } = setup();
    const action = CardService.newAction().setFunctionName('dispatch');
    const message =
      "The parameters ((class)) don't match the method signature for CardService.Action.setParameters.";
    expect(() => action.setParameters({ id: 42 } as unknown as Record<string, string>)).toThrow(
      message
    );
    expect(() => action.setParameters({ ok: true } as unknown as Record<string, string>)).toThrow(
      message
    );
    expect(() => action.setParameters({ nested: {} } as unknown as Record<string, string>)).toThrow(
      message
    );
    expect(() =>
      action.setParameters({ [Symbol('k')]: 'v' } as unknown as Record<string, string>)
    ).toThrow(message);
    expect(() => action.setParameters(null as unknown as Record<string, string>)).toThrow(
      "The parameters (null) don't match the method signature for CardService.Action.setParameters."
    );
  });

  it('refuses a load indicator that is not one of the enum', () => {
    const { CardService } = setup();
    expect(() =>
      CardService.newAction().setLoadIndicator(
        'FAST' as unknown as GoogleAppsScript.Card_Service.LoadIndicator
      )
    ).toThrow(
      "The parameters (String) don't match the method signature for CardService.Action.setLoadIndicator."
    );
  });

  it('fails to build a card whose action has no function name', () => {
    const { CardService } = setup();
    const button = CardService.newTextButton()
      .setText('Go')
      .setOnClickAction(CardService.newAction().setParameters({ a: 'b' }));
    expect(() => cardWith(CardService, button).build()).toThrow(
      CARD_MESSAGES.actionWithoutFunctionName
    );
  });

  it('lists every reachable action with its parameters', () => {
    const { CardService } = setup();
    const act = (name: string) =>
      CardService.newAction().setFunctionName(name).setParameters({ from: name });
    const card = CardService.newCardBuilder()
      .addSection(
        CardService.newCardSection()
          .addWidget(
            CardService.newSelectionInput()
              .setFieldName('host')
              .addItem('Docs', 'DOCS', true)
              .setOnChangeAction(act('onHostChanged'))
          )
          .addWidget(
            CardService.newDecoratedText()
              .setText('Lock')
              .setSwitchControl(
                CardService.newSwitch().setFieldName('lock').setOnChangeAction(act('onLock'))
              )
          )
          .addWidget(
            CardService.newDecoratedText()
              .setText('Owner')
              .setButton(
                CardService.newTextButton().setText('Mail').setOnClickAction(act('onMail'))
              )
          )
          .addWidget(
            CardService.newGrid()
              .addItem(CardService.newGridItem().setIdentifier('g1'))
              .setOnClickAction(act('onGrid'))
          )
      )
      .addCardAction(
        CardService.newCardAction().setText('Settings').setOnClickAction(act('onSettings'))
      )
      .setFixedFooter(
        CardService.newFixedFooter().setPrimaryButton(
          CardService.newTextButton().setText('Save').setOnClickAction(act('onSave'))
        )
      )
      .build();
    expect(allActions(cardToJson(card)).map(a => [a.functionName, a.parameters.from])).toEqual([
      ['onHostChanged', 'onHostChanged'],
      ['onLock', 'onLock'],
      ['onMail', 'onMail'],
      ['onGrid', 'onGrid'],
      ['onSettings', 'onSettings'],
      ['onSave', 'onSave'],
    ]);
  });
});

describe('CardService fake: limits and required fields', () => {
  it('allows 100 sections and refuses the 101st', () => {
    const { CardService } = setup();
    const builder = CardService.newCardBuilder();
    for (let i = 0; i < 100; i++) {
      builder.addSection(CardService.newCardSection().addWidget(paragraph(CardService)));
    }
    expect(() => builder.addSection(CardService.newCardSection())).toThrow(
      CARD_MESSAGES.tooManySections
    );
    expect((cardToJson(builder.build()) as CardJson).sections).toHaveLength(100);
  });

  it('allows 100 widgets in a section and refuses the 101st', () => {
    const { CardService } = setup();
    const section = CardService.newCardSection();
    for (let i = 0; i < 100; i++) section.addWidget(paragraph(CardService));
    expect(() => section.addWidget(paragraph(CardService))).toThrow(
      CARD_MESSAGES.tooManyWidgetsInSection
    );
    expect(
      findWidgets(cardToJson(CardService.newCardBuilder().addSection(section).build()))
    ).toHaveLength(100);
  });

  it('refuses more than 100 widgets across the sections of one card', () => {
    const { CardService } = setup();
    const builder = CardService.newCardBuilder();
    for (const count of [60, 41]) {
      const section = CardService.newCardSection();
      for (let i = 0; i < count; i++) section.addWidget(paragraph(CardService));
      builder.addSection(section);
    }
    expect(() => builder.build()).toThrow(CARD_MESSAGES.tooManyWidgetsInCard);
  });

  it('allows 100 selection items and refuses the 101st', () => {
    const { CardService } = setup();
    const input = CardService.newSelectionInput().setFieldName('folder');
    for (let i = 0; i < 100; i++) input.addItem(`Folder ${i}`, i, i === 0);
    expect(() => input.addItem('One more', 'x', false)).toThrow(
      CARD_MESSAGES.tooManySelectionItems
    );
    const json = findInput(cardToJson(cardWith(CardService, input).build()), 'folder');
    expect(json?.kind === 'selectionInput' && json.items[99]).toEqual({
      text: 'Folder 99',
      value: '99',
      selected: false,
    });
  });

  it('refuses a card without sections and a section without widgets', () => {
    const { CardService } = setup();
    expect(() => CardService.newCardBuilder().build()).toThrow(CARD_MESSAGES.cardWithoutSections);
    expect(() =>
      CardService.newCardBuilder()
        .addSection(CardService.newCardSection().setHeader('Empty'))
        .build()
    ).toThrow(CARD_MESSAGES.sectionWithoutWidgets);
  });

  it('refuses a header without a title', () => {
    const { CardService } = setup();
    const builder = cardWith(CardService, paragraph(CardService)).setHeader(
      CardService.newCardHeader().setSubtitle('No title')
    );
    expect(() => builder.build()).toThrow(CARD_MESSAGES.headerWithoutTitle);
  });

  it.each([
    ['TextInput', (cs: CS) => cs.newTextInput().setTitle('Title')],
    ['SelectionInput', (cs: CS) => cs.newSelectionInput().addItem('A', 'a', true)],
    ['DatePicker', (cs: CS) => cs.newDatePicker().setTitle('Review date')],
    ['Switch', (cs: CS) => cs.newDecoratedText().setText('Lock').setSwitchControl(cs.newSwitch())],
  ])('refuses a %s without a field name', (name, make) => {
    const { CardService } = setup();
    const widget = make(CardService) as GoogleAppsScript.Card_Service.Widget;
    expect(() => cardWith(CardService, widget).build()).toThrow(withoutFieldName(name));
  });

  it('refuses a text button without text and decorated text without text', () => {
    const { CardService } = setup();
    const button = CardService.newTextButton().setOnClickAction(
      CardService.newAction().setFunctionName('go')
    );
    expect(() =>
      cardWith(CardService, CardService.newButtonSet().addButton(button)).build()
    ).toThrow(CARD_MESSAGES.textButtonWithoutText);
    const decorated = CardService.newDecoratedText().setTopLabel('Label only');
    expect(() => cardWith(CardService, decorated).build()).toThrow(
      CARD_MESSAGES.decoratedTextWithoutText
    );
  });

  it('refuses a fixed footer with a secondary button but no primary one', () => {
    const { CardService } = setup();
    const cancel = CardService.newTextButton()
      .setText('Cancel')
      .setOnClickAction(CardService.newAction().setFunctionName('onCancel'));
    const secondaryOnly = cardWith(CardService, paragraph(CardService)).setFixedFooter(
      CardService.newFixedFooter().setSecondaryButton(cancel)
    );
    expect(() => secondaryOnly.build()).toThrow(CARD_MESSAGES.footerSecondaryWithoutPrimary);
    const empty = cardWith(CardService, paragraph(CardService)).setFixedFooter(
      CardService.newFixedFooter()
    );
    expect(() => empty.build()).toThrow(CARD_MESSAGES.footerWithoutButtons);
  });

  it('refuses to add what is not a widget to a section', () => {
    const { CardService } = setup();
    const section = CardService.newCardSection();
    const notWidgets: [unknown, string][] = [
      [CardService.newCardHeader(), 'CardService.CardHeader'],
      [CardService.newSwitch(), 'CardService.Switch'],
      [{ textParagraph: { text: 'x' } }, '(class)'],
      ['text', 'String'],
    ];
    for (const [value, typeName] of notWidgets) {
      expect(() => section.addWidget(value as GoogleAppsScript.Card_Service.Widget)).toThrow(
        `The parameters (${typeName}) don't match the method signature for CardService.CardSection.addWidget.`
      );
    }
  });

  it('refuses a missing argument the way Apps Script reports a signature mismatch', () => {
    const { CardService } = setup();
    const header = CardService.newCardHeader();
    expect(() => header.setTitle(undefined as unknown as string)).toThrow(
      "The parameters (null) don't match the method signature for CardService.CardHeader.setTitle."
    );
  });
});

describe('CardService fake: responses', () => {
  it('serialises navigation, notification and state change as a render action', () => {
    const { CardService } = setup();
    const pushed = cardWith(CardService, paragraph(CardService, 'Declared R-0001'))
      .setName('done')
      .build();
    const response = CardService.newActionResponseBuilder()
      .setNavigation(
        CardService.newNavigation()
          .popToRoot()
          .pushCard(pushed)
          .updateCard(pushed)
          .popCard()
          .popToNamedCard('home')
      )
      .setNotification(CardService.newNotification().setText('Declared R-0001'))
      .setStateChanged(true)
      .build();
    const pushedJson = cardToJson(pushed);
    expect(cardToJson(response)).toEqual({
      renderActions: {
        action: {
          navigations: [
            { popToRoot: true },
            { pushCard: pushedJson },
            { updateCard: pushedJson },
            { popCard: true },
            { popToCard: 'home' },
          ],
          notification: { text: 'Declared R-0001' },
        },
        stateChanged: true,
      },
    });
    expect(JSON.parse(response.printJson())).toEqual(cardToJson(response));
  });

  it('serialises an open-link response with its defaults', () => {
    const { CardService } = setup();
    const response = CardService.newActionResponseBuilder()
      .setOpenLink(CardService.newOpenLink().setUrl('https://drive.google.com/file/d/1'))
      .build();
    expect(cardToJson(response)).toEqual({
      renderActions: {
        action: {
          link: {
            url: 'https://drive.google.com/file/d/1',
            openAs: 'FULL_SIZE',
            onClose: 'NOTHING',
          },
        },
      },
    });
  });

  it('refuses a notification without text and a link without a URL', () => {
    const { CardService } = setup();
    expect(() =>
      CardService.newActionResponseBuilder().setNotification(CardService.newNotification()).build()
    ).toThrow(CARD_MESSAGES.notificationWithoutText);
    expect(() =>
      CardService.newActionResponseBuilder().setOpenLink(CardService.newOpenLink()).build()
    ).toThrow(CARD_MESSAGES.openLinkWithoutUrl);
  });

  it('only pushes built cards', () => {
    const { CardService } = setup();
    const builder = cardWith(CardService, paragraph(CardService));
    expect(() =>
      CardService.newNavigation().pushCard(builder as unknown as GoogleAppsScript.Card_Service.Card)
    ).toThrow(
      "The parameters (CardService.CardBuilder) don't match the method signature for CardService.Navigation.pushCard."
    );
  });

  it('lets the query helpers read the cards a response carries', () => {
    const { CardService } = setup();
    const response = CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().pushCard(declareCard(CardService)))
      .setNotification(CardService.newNotification().setText('Ready to declare'))
      .build();
    const json = cardToJson(response) as ActionResponseJson;
    expect(findInput(json, 'reviewDate')).toEqual({
      kind: 'dateTimePicker',
      name: 'reviewDate',
      label: 'Review date',
      type: 'DATE_ONLY',
      valueMsEpoch: String(REVIEW_DATE),
    });
    expect(allActions(json).map(a => a.functionName)).toContain('onDeclare');
    expect(textOf(json).split('\n')).toEqual(
      expect.arrayContaining([
        'Declare as record',
        'Budget 2025',
        'OFFICIAL',
        'Help',
        'Ready to declare',
      ])
    );
  });

  it('serialises universal action responses as cards or a link', () => {
    const { CardService } = setup();
    const card = cardWith(CardService, paragraph(CardService, 'Settings')).build();
    const cards = CardService.newUniversalActionResponseBuilder().displayAddOnCards([card]).build();
    expect(cardToJson(cards)).toEqual({ cards: [cardToJson(card)] });
    const link = CardService.newUniversalActionResponseBuilder()
      .setOpenLink(CardService.newOpenLink().setUrl('https://example.gov.uk/help/'))
      .build();
    expect(cardToJson(link)).toEqual({
      renderActions: {
        action: {
          link: { url: 'https://example.gov.uk/help/', openAs: 'FULL_SIZE', onClose: 'NOTHING' },
        },
      },
    });
    expect(() => CardService.newUniversalActionResponseBuilder().build()).toThrow(
      CARD_MESSAGES.universalResponseEmpty
    );
  });

  it('serialises the file-scope requests of editors and Drive', () => {
    const { CardService } = setup();
    const editor = CardService.newEditorFileScopeActionResponseBuilder()
      .requestFileScopeForActiveDocument()
      .build();
    expect(cardToJson(editor)).toEqual({
      editorFileScopeRequest: { requestFileScopeForActiveDocument: true },
    });
    const drive = CardService.newDriveItemsSelectedActionResponseBuilder()
      .requestFileScope('file-1')
      .requestFileScope('file-2')
      .build();
    expect(cardToJson(drive)).toEqual({
      driveItemsSelectedRequest: { fileScopeItemIds: ['file-1', 'file-2'] },
    });
  });
});

describe('cardToJson', () => {
  it('turns an array of cards into {cards}', () => {
    const { CardService } = setup();
    const a = cardWith(CardService, paragraph(CardService, 'A')).build();
    const b = cardWith(CardService, paragraph(CardService, 'B')).build();
    const json = cardToJson([a, b]);
    expect(json).toEqual({ cards: [cardToJson(a), cardToJson(b)] });
    expect(textOf(json)).toBe('A\nB');
  });

  it('names what was returned instead of a card', () => {
    const { CardService } = setup();
    const builder = cardWith(CardService, paragraph(CardService));
    expect(() => cardToJson(builder)).toThrow(
      'cardToJson: got CardService.CardBuilder (call build() first); expected a built Card'
    );
    expect(() => cardToJson(undefined)).toThrow('cardToJson: got undefined;');
    expect(() => cardToJson({ sections: [] })).toThrow('cardToJson: got a plain object;');
    expect(() => cardToJson([])).toThrow('cardToJson: got an empty array;');
    expect(() => cardToJson([builder.build(), builder])).toThrow(
      'cardToJson: item 1 of the array is CardService.CardBuilder;'
    );
  });
});

describe('CardService fake: call accounting', () => {
  it('counts every builder call under CardService.*, chained calls included, at no cost', () => {
    const { CardService, execution, state } = setup();
    const before = state.now;
    const card = CardService.newCardBuilder()
      .setHeader(CardService.newCardHeader().setTitle('T').setSubtitle('S'))
      .addSection(
        CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('x'))
      )
      .build();
    card.printJson();
    void CardService.LoadIndicator.SPINNER;
    cardToJson(card);
    const counts = execution.snapshot();
    expect(counts.cardServiceCalls).toBe(12);
    expect(counts.serviceCalls).toBe(0);
    expect(counts.byKey).toEqual({
      'CardService.newCardBuilder': 1,
      'CardService.newCardHeader': 1,
      'CardService.CardHeader.setTitle': 1,
      'CardService.CardHeader.setSubtitle': 1,
      'CardService.CardBuilder.setHeader': 1,
      'CardService.newCardSection': 1,
      'CardService.newTextParagraph': 1,
      'CardService.TextParagraph.setText': 1,
      'CardService.CardSection.addWidget': 1,
      'CardService.CardBuilder.addSection': 1,
      'CardService.CardBuilder.build': 1,
      'CardService.Card.printJson': 1,
    });
    expect(state.now).toBe(before);
  });

  it('names the CardService members it does not emulate', () => {
    const { CardService } = setup();
    expect(() => CardService.newKeyValue()).toThrow('not emulated: CardService.newKeyValue');
    expect(() =>
      CardService.newAction().setInteraction(CardService.Interaction.OPEN_DIALOG)
    ).toThrow('not emulated: CardService.Action.setInteraction');
  });
});
