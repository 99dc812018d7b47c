// Lessons learned in the sidebar: the lessons of an item's project series, the form that records
// one, and the confirmation with its lesson id. Field and button names are stable: the browser
// tests and the trainer's walkthrough press them.
import type { LessonSummary, SeriesLessons } from '../app/lessons';
import type { ReferenceData } from '../domain/declaration';
import type { Series } from '../domain/file-plan';
import type { LessonError, LessonField, LessonForm } from '../domain/lesson';
import { LESSON_LIMITS } from '../domain/lesson';
import { LESSON_STAGES } from '../domain/register-schema';
import { shorten } from '../domain/text';
import type { Host } from './common';
import { action, button, coloured, ERROR_COLOUR, header, html, paragraph } from './common';
import { MAX_CHOICES, unitInput } from './record-form';

type Section = GoogleAppsScript.Card_Service.CardSection;
type Card = GoogleAppsScript.Card_Service.Card;

/** The lesson form's field names (the form inputs a card action receives). */
export const LESSON_FIELD: Record<LessonField, string> = {
  project: 'project',
  series: 'series',
  businessUnit: 'businessUnit',
  stage: 'stage',
  happened: 'happened',
  lesson: 'lesson',
  action: 'action',
  owner: 'owner',
};

export const OPEN_LESSON_FORM = 'onOpenLessonForm';
export const RECORD_LESSON = 'onRecordLesson';

/**
 * The lessons of the series an item belongs to (newest first, grouped by project), and the
 * button that records one: shown even when the series has no lessons yet.
 */
export function lessonsSection(found: SeriesLessons, series: string): Section {
  const section = CardService.newCardSection().setHeader(`Lessons from ${series}`);
  const { lessons, total } = found;
  if (!lessons.length) {
    section.addWidget(
      paragraph('No lessons recorded for this series yet. Record what the project has learned.')
    );
  }
  for (const [project, group] of byProject(lessons)) {
    section.addWidget(paragraph(`<b>${html(shorten(project, 80))}</b>`));
    for (const lesson of group) section.addWidget(lessonWidget(lesson));
  }
  if (total > lessons.length) {
    const more = total - lessons.length;
    section.addWidget(
      paragraph(
        `… and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'lesson' : 'lessons'} in the register’s Lessons tab.`
      )
    );
  }
  section.addWidget(
    button(
      'Record a lesson',
      action(OPEN_LESSON_FORM, { series, project: lessons[0]?.project ?? '' })
    )
  );
  return section;
}

/** Where no series is known (a homepage): just the way in to recording a lesson. */
export function lessonStartSection(): Section {
  return CardService.newCardSection()
    .setHeader('Lessons learned')
    .addWidget(
      paragraph(
        'Record what a project learned before, during or after its work, so the next one can use it.'
      )
    )
    .addWidget(button('Record a lesson', action(OPEN_LESSON_FORM, { series: '', project: '' })));
}

export interface LessonFormInput {
  host: Host;
  form: LessonForm;
  /** Active series, the likeliest first. */
  series: Series[];
  reference: ReferenceData;
  /** The document the lesson is recorded from ('' from a homepage). */
  fileId: string;
  errors?: LessonError[];
  /** A problem that stopped the save (the form comes back as it was). */
  problem?: string;
}

export function lessonFormCard(input: LessonFormInput): Card {
  const { form } = input;
  const errors = input.errors ?? [];
  const card = CardService.newCardBuilder()
    .setName('lessonForm')
    .setHeader(header('Record a lesson', 'Lessons learned'));

  if (errors.length || input.problem) {
    const section = CardService.newCardSection().setHeader(
      input.problem ? 'Not saved' : 'Check these before recording'
    );
    if (input.problem) section.addWidget(paragraph(coloured(input.problem, ERROR_COLOUR)));
    for (const e of errors) section.addWidget(paragraph(coloured(e.message, ERROR_COLOUR)));
    card.addSection(section);
  }

  const project = CardService.newCardSection()
    .setHeader('Project')
    .addWidget(
      CardService.newTextInput()
        .setFieldName(LESSON_FIELD.project)
        .setTitle('Project')
        .setHint('The project or programme the lesson comes from')
        .setValue(form.project)
    )
    .addWidget(seriesInput(form.series, input.series))
    .addWidget(
      unitInput(
        LESSON_FIELD.businessUnit,
        'Business unit',
        input.reference.businessUnits,
        form.businessUnit,
        'Choose your business unit'
      )
    );
  const stage = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.RADIO_BUTTON)
    .setFieldName(LESSON_FIELD.stage)
    .setTitle('When was it learned?');
  for (const s of LESSON_STAGES) stage.addItem(`${s} the project`, s, form.stage === s);
  project.addWidget(stage);
  card.addSection(project);

  card.addSection(
    CardService.newCardSection()
      .setHeader('The lesson')
      .addWidget(
        textArea('happened', 'What happened (optional)', form.happened, 'The facts, briefly')
      )
      .addWidget(
        textArea('lesson', 'Lesson', form.lesson, 'What should be done the same or differently')
      )
      .addWidget(
        textArea('action', 'Action (optional)', form.action, 'What will be done, and by when')
      )
      .addWidget(
        CardService.newTextInput()
          .setFieldName(LESSON_FIELD.owner)
          .setTitle('Action owner')
          .setHint('An email address or a name; needed when there is an action')
          .setValue(form.owner)
      )
  );

  card.setFixedFooter(
    CardService.newFixedFooter().setPrimaryButton(
      CardService.newTextButton()
        .setText('Record lesson')
        .setOnClickAction(action(RECORD_LESSON, { host: input.host, fileId: input.fileId }))
    )
  );
  return card.build();
}

/** After recording: the lesson's id, what was recorded, and a way to record the next one. */
export function lessonRecordedCard(
  lessonId: string,
  lesson: LessonForm,
  status: 'added' | 'existing'
): Card {
  const section = CardService.newCardSection()
    .addWidget(
      paragraph(
        status === 'added'
          ? `Recorded as <b>${html(lessonId)}</b> in the register’s Lessons tab.`
          : `This lesson was recorded a moment ago as <b>${html(lessonId)}</b>: it was not added twice.`
      )
    )
    .addWidget(
      lessonWidget({
        lessonId,
        project: lesson.project,
        stage: lesson.stage,
        lesson: lesson.lesson,
        action: lesson.action,
        owner: lesson.owner,
        recordedAt: null,
      })
    )
    .addWidget(
      paragraph(
        `Everyone who opens a document in series ${html(lesson.series)} sees it in the sidebar.`
      )
    )
    .addWidget(
      button(
        'Record another lesson',
        action(OPEN_LESSON_FORM, { series: lesson.series, project: lesson.project })
      )
    );
  return CardService.newCardBuilder()
    .setName('lessonRecorded')
    .setHeader(header('Lesson recorded', shorten(lesson.project, 80)))
    .addSection(section)
    .build();
}

function lessonWidget(lesson: LessonSummary): GoogleAppsScript.Card_Service.DecoratedText {
  const widget = CardService.newDecoratedText()
    .setTopLabel(`${lesson.stage} · ${lesson.lessonId}`)
    .setText(html(shorten(lesson.lesson, 300)))
    .setWrapText(true);
  if (lesson.action) {
    const owner = lesson.owner ? ` (${lesson.owner})` : '';
    widget.setBottomLabel(shorten(`Action: ${lesson.action}${owner}`, 200));
  }
  return widget;
}

/** Lessons grouped by project, in the order their newest lesson comes. */
function byProject(lessons: LessonSummary[]): [string, LessonSummary[]][] {
  const groups = new Map<string, LessonSummary[]>();
  for (const lesson of lessons) {
    const key = lesson.project || 'No project named';
    groups.set(key, [...(groups.get(key) ?? []), lesson]);
  }
  return [...groups];
}

function seriesInput(
  chosen: string,
  series: Series[]
): GoogleAppsScript.Card_Service.SelectionInput {
  const input = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(LESSON_FIELD.series)
    .setTitle('File-plan series of the project');
  if (!series.some(s => s.code === chosen)) input.addItem('Choose a series', '', true);
  for (const s of series.slice(0, MAX_CHOICES - 1))
    input.addItem(shorten(`${s.code} ${s.title}`, 90), s.code, s.code === chosen);
  return input;
}

function textArea(
  field: 'happened' | 'lesson' | 'action',
  title: string,
  value: string,
  hint: string
): GoogleAppsScript.Card_Service.TextInput {
  return CardService.newTextInput()
    .setFieldName(LESSON_FIELD[field])
    .setTitle(title)
    .setHint(`${hint} (up to ${LESSON_LIMITS[field].toLocaleString('en-GB')} characters)`)
    .setMultiline(true)
    .setValue(value);
}
