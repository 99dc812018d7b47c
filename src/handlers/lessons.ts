// Card actions of lessons learned: open the form (from an item's sidebar or a homepage) and record
// the lesson. A lesson that cannot be saved comes back in its form with the reason, never lost.
import type { Workplace } from '../app/deployment';
import { requireWorkplace } from '../app/deployment';
import { UserFacingError } from '../app/errors';
import { lessonDefaults, recordLesson } from '../app/lessons';
import { update } from '../cards/common';
import type { Host } from '../cards/common';
import { LESSON_FIELD, lessonFormCard, lessonRecordedCard } from '../cards/lesson-card';
import { orderSeries } from '../domain/file-plan';
import type { LessonError, LessonForm } from '../domain/lesson';
import { driveSelection, editorFile, formString, hostParameter, parameter } from './event';
import type { AddonEvent } from './event';
import { respond } from './respond';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type Card = GoogleAppsScript.Card_Service.Card;

/** Opens the lesson form on top of the sidebar (its back arrow returns). */
export function onOpenLessonForm(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const form = lessonDefaults(parameter(e, 'series'), parameter(e, 'project'));
    const card = formCard(w, hostParameter(e), form, documentOf(e));
    return CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().pushCard(card))
      .build();
  });
}

export function onRecordLesson(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const host = hostParameter(e);
    const fileId = parameter(e, 'fileId');
    const form = readLessonForm(e);
    try {
      const outcome = recordLesson(w, form, { fileId }, new Date());
      if (outcome.errors.length) {
        return update(
          formCard(w, host, form, fileId, outcome.errors),
          'Check the form: some details are missing or not allowed'
        );
      }
      const status = outcome.status === 'existing' ? 'existing' : 'added';
      return update(
        lessonRecordedCard(outcome.lessonId, form, status),
        status === 'added'
          ? `Lesson recorded as ${outcome.lessonId}`
          : `Already recorded as ${outcome.lessonId}`
      );
    } catch (error) {
      // The register is busy, the tab is missing, the service refused: keep what was written.
      if (!(error instanceof UserFacingError)) throw error;
      return update(formCard(w, host, form, fileId, [], error.message), error.title);
    }
  });
}

function readLessonForm(e: AddonEvent): LessonForm {
  return {
    project: formString(e, LESSON_FIELD.project),
    series: formString(e, LESSON_FIELD.series),
    businessUnit: formString(e, LESSON_FIELD.businessUnit),
    stage: formString(e, LESSON_FIELD.stage),
    happened: formString(e, LESSON_FIELD.happened),
    lesson: formString(e, LESSON_FIELD.lesson),
    action: formString(e, LESSON_FIELD.action),
    owner: formString(e, LESSON_FIELD.owner),
  };
}

function formCard(
  w: Workplace,
  host: Host,
  form: LessonForm,
  fileId: string,
  errors: LessonError[] = [],
  problem?: string
): Card {
  const series = orderSeries({ series: w.reference.series, folderSeries: form.series, recent: [] });
  return lessonFormCard({ host, form, series, reference: w.reference, fileId, errors, problem });
}

/** The document the sidebar is about: the open Doc or Sheet, or a single file selected in Drive. */
function documentOf(e: AddonEvent): string {
  const editor = editorFile(e).item;
  if (editor) return editor.id;
  const { files } = driveSelection(e);
  return files.length === 1 ? files[0].id : '';
}
