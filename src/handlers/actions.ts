// Card actions (the functions buttons name). Each reads the event, does one thing and answers
// with the next card.
import { declareItems, prepareDeclaration } from '../app/declare';
import { finishFiling } from '../app/finish-filing';
import { isAdministrator, loadDeployment, requireWorkplace } from '../app/deployment';
import { UserFacingError } from '../app/errors';
import { createRegister, linkRegister } from '../app/setup';
import { forgetReferenceData } from '../adapters/reference-cache';
import { notify, resultToast, update } from '../cards/common';
import { declareCard, FIELD } from '../cards/declare-card';
import { selectedIds, selectionParameters } from '../adapters/selection';
import { outcomeCard, recordsCard } from '../cards/record-card';
import { notSetUpCard, registerCard } from '../cards/setup-card';
import type { DeclarationForm } from '../domain/declaration';
import { formDate, formString, formStrings, hostParameter, parameter, parameters } from './event';
import type { AddonEvent } from './event';
import { cards, respond } from './respond';
import { registerHome } from './triggers';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

/** Editors: asks Docs or Sheets for access to the open file; the grant trigger then runs. */
export function onRequestFileScope(
  _e: AddonEvent
): GoogleAppsScript.Card_Service.EditorFileScopeActionResponse {
  return CardService.newEditorFileScopeActionResponseBuilder()
    .requestFileScopeForActiveDocument()
    .build();
}

function readForm(e: AddonEvent): DeclarationForm {
  return {
    classification: formString(e, FIELD.classification),
    handlingInstructions: formStrings(e, FIELD.handling),
    descriptors: formStrings(e, FIELD.descriptors),
    caveats: formStrings(e, FIELD.caveats),
    series: formString(e, FIELD.series),
    businessUnit: formString(e, FIELD.businessUnit),
    description: formString(e, FIELD.description),
    recordDate: formDate(e, FIELD.recordDate),
    lock: formString(e, FIELD.lock) === 'yes',
  };
}

export function onDeclare(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const host = hostParameter(e);
    const refs = selectedIds(parameters(e)).map(id => ({ id, title: id, mimeType: '' }));
    if (!refs.length) {
      throw new UserFacingError(
        'This form has expired. Select the files again to declare them.',
        'Nothing selected'
      );
    }
    const form = readForm(e);
    const now = new Date();
    const outcome = declareItems(w, refs, form, now);
    if (outcome.errors.length) {
      const preparation = prepareDeclaration(w, refs, now);
      return update(
        declareCard({
          host,
          preparation,
          reference: w.reference,
          form,
          errors: outcome.errors,
          itemParameters: selectionParameters,
        }),
        'Check the form: some details are missing or not allowed'
      );
    }
    const toast = resultToast(
      outcome.declared.map(d => d.recordId),
      'Declared',
      'records',
      outcome.refused.length ? 'Not declared: see why' : 'Already a record'
    );
    return update(outcomeCard(outcome, host), toast);
  });
}

export function onFinishFiling(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const host = hostParameter(e);
    const fileIds = parameter(e, 'fileIds').split(',').filter(Boolean);
    const result = finishFiling(w, fileIds, new Date());
    const records = [...w.register.findByFileIds(fileIds).values()];
    const text = result.stillPending
      ? `${result.finished} filed; ${result.stillPending} still pending`
      : `Filing finished for ${result.finished}`;
    return update(recordsCard(records, host), text);
  });
}

export function onCreateRegister(e: AddonEvent): ActionResponse {
  return respond(() => {
    const deployment = loadDeployment();
    if (deployment.config)
      return update(
        registerCard(deployment.config, null, isAdministrator(deployment)),
        'The register is already set up'
      );
    const config = createRegister(
      deployment,
      {
        shareWithDomain: formString(e, 'shareWithDomain') === 'yes',
        recordsTeamGroup: formString(e, 'recordsTeamGroup'),
      },
      new Date()
    );
    const w = requireWorkplace();
    return update(registerCard(config, w.register.headroom(), true), 'Register created');
  });
}

export function onLinkRegister(e: AddonEvent): ActionResponse {
  return respond(() => {
    const deployment = loadDeployment();
    const config = linkRegister(
      deployment,
      formString(e, 'registerUrl'),
      formString(e, 'recordsTeamGroup'),
      new Date()
    );
    const w = requireWorkplace();
    return update(registerCard(config, w.register.headroom(), true), 'Register linked');
  });
}

/** Universal action "Register": the register's link and, for administrators, its headroom. */
export function onShowRegister(
  _e: AddonEvent
): GoogleAppsScript.Card_Service.UniversalActionResponse {
  return CardService.newUniversalActionResponseBuilder()
    .displayAddOnCards(cards(registerHome))
    .build();
}

export function onReloadReferenceData(_e: AddonEvent): ActionResponse {
  return respond(() => {
    const deployment = loadDeployment();
    if (!deployment.config) return update(notSetUpCard(deployment));
    forgetReferenceData(deployment.config.registerId);
    const w = requireWorkplace();
    return notify(
      `File plan reloaded: ${w.reference.series.length} series, ${w.reference.schedules.length} schedules, ${w.reference.businessUnits.length} business units`
    );
  });
}
