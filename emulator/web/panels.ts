// The developer panel (executions with their modelled cost and log; installable triggers with a
// Run button) and the trainer panel (walkthroughs with ticked steps and Restart).
import { api, type Execution, type RunResult, type TriggerInfo, type Walkthrough } from './api';
import { clear, h, uniqueId } from './dom';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface Refreshable {
  readonly element: HTMLElement;
  refresh(): Promise<void>;
}

// ---- developer panel ---------------------------------------------------------------------------

export interface DevPanelHooks {
  /** A trigger ran: the Workspace may have changed. */
  afterTriggerRun(result: RunResult): void;
  /** Back to the seeded demo state. */
  reset(): Promise<void>;
}

function describeSchedule(trigger: TriggerInfo): string {
  const s = trigger.schedule ?? {};
  if (s.everyHours) return `every ${s.everyHours} h`;
  if (s.onMonthDay)
    return `monthly on day ${s.onMonthDay}${s.atHour !== undefined ? ` at ${s.atHour}:00` : ''}`;
  if (s.everyDays)
    return `every ${s.everyDays} days${s.atHour !== undefined ? ` at ${s.atHour}:00` : ''}`;
  if (s.at) return `once at ${new Date(s.at).toLocaleString()}`;
  return trigger.eventType ?? '';
}

function serviceSummary(execution: Execution): string {
  const byService = execution.counts.byService ?? {};
  return Object.entries(byService)
    .filter(([service]) => service !== 'CardService')
    .map(([service, count]) => `${service} ${count}`)
    .join(' · ');
}

export function createDevPanel(hooks: DevPanelHooks): Refreshable {
  const bodyId = uniqueId('rc-dev-body');
  const toggle = h('button', {
    className: 'rc-dev-toggle',
    text: 'Developer',
    testId: 'dev-toggle',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': bodyId },
  });
  const summary = h('span', { className: 'rc-dev-summary', attrs: { 'aria-live': 'polite' } });
  const resetButton = h('button', {
    className: 'rc-shell-button rc-shell-button--quiet',
    text: 'Reset demo',
    testId: 'reset',
    attrs: { type: 'button' },
  });
  const executionsBody = h('tbody');
  const triggersList = h('ul', { className: 'rc-trigger-list' });
  /** Each trigger's last Run outcome, kept across redraws (keyed on creation too: ids repeat). */
  const triggerStatus = new Map<string, string>();
  const statusKey = (trigger: TriggerInfo) => `${trigger.id}@${trigger.createdAt ?? ''}`;
  const body = h('div', { className: 'rc-dev-body', attrs: { id: bodyId, hidden: true } }, [
    h('div', { className: 'rc-dev-column rc-dev-executions' }, [
      h('h2', { text: 'Executions' }),
      h('table', { className: 'rc-dev-table', testId: 'executions' }, [
        h('thead', {}, [
          h(
            'tr',
            {},
            ['Function', 'User', 'Modelled ms', 'Service calls', 'Log lines', ''].map(label =>
              h('th', { text: label, attrs: { scope: 'col' } })
            )
          ),
        ]),
        executionsBody,
      ]),
    ]),
    h('div', { className: 'rc-dev-column rc-dev-triggers' }, [
      h('h2', { text: 'Triggers' }),
      triggersList,
      resetButton,
    ]),
  ]);
  const element = h(
    'section',
    { className: 'rc-dev', testId: 'dev-panel', attrs: { 'aria-label': 'Developer panel' } },
    [h('div', { className: 'rc-dev-head' }, [toggle, summary]), body]
  );

  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.setAttribute('aria-expanded', String(!body.hidden));
    element.classList.toggle('rc-dev--open', !body.hidden);
    if (!body.hidden) void refresh();
  });
  resetButton.addEventListener('click', () => {
    if (!window.confirm('Reset the emulator to the demo department? Every change is lost.')) return;
    resetButton.disabled = true;
    hooks
      .reset()
      .catch(error => window.alert(`Reset failed: ${messageOf(error)}`))
      .finally(() => {
        resetButton.disabled = false;
      });
  });

  function drawExecutions(executions: Execution[]): void {
    clear(executionsBody);
    if (!executions.length) {
      executionsBody.append(
        h('tr', {}, [h('td', { text: 'No executions yet.', attrs: { colspan: 6 } })])
      );
    }
    for (const execution of executions) {
      const detailsId = uniqueId('rc-exec');
      const details = h(
        'tr',
        { className: 'rc-exec-details', attrs: { id: detailsId, hidden: true } },
        [
          h('td', { attrs: { colspan: 6 } }, [
            serviceSummary(execution) ? h('p', { text: serviceSummary(execution) }) : null,
            execution.error
              ? h('p', { className: 'rc-error-text', text: `Error: ${execution.error}` })
              : null,
            h('pre', { className: 'rc-log', text: execution.log.join('\n') || '(no log lines)' }),
          ]),
        ]
      );
      const more = h('button', {
        className: 'rc-link-button',
        text: 'Log',
        attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': detailsId },
      });
      more.addEventListener('click', () => {
        details.hidden = !details.hidden;
        more.setAttribute('aria-expanded', String(!details.hidden));
      });
      executionsBody.append(
        h(
          'tr',
          {
            className: execution.error ? 'rc-exec rc-exec--error' : 'rc-exec',
            testId: `execution-${execution.id}`,
          },
          [
            h('td', { text: execution.function }),
            h('td', { text: execution.user }),
            h('td', { className: 'rc-number', text: String(Math.round(execution.ms)) }),
            h('td', { className: 'rc-number', text: String(execution.counts.serviceCalls ?? 0) }),
            h('td', { className: 'rc-number', text: String(execution.log.length) }),
            h('td', {}, [more]),
          ]
        ),
        details
      );
    }
    const last = executions[0];
    summary.textContent = last
      ? `${executions.length} executions · last: ${last.function}, ${Math.round(last.ms)} ms modelled, ${last.counts.serviceCalls ?? 0} service calls${last.error ? ' (error)' : ''}`
      : 'No executions yet';
  }

  function drawTriggers(triggers: TriggerInfo[]): void {
    clear(triggersList);
    if (!triggers.length) triggersList.append(h('li', { text: 'No installable triggers.' }));
    for (const trigger of triggers) {
      const status = h('span', {
        className: 'rc-trigger-status',
        text: triggerStatus.get(statusKey(trigger)) ?? '',
        attrs: { role: 'status' },
      });
      const bar = h('span', {
        className: 'rc-inline-progress',
        attrs: { hidden: true, 'aria-hidden': 'true' },
      });
      const run = h('button', {
        className: 'rc-shell-button',
        text: 'Run',
        testId: `run-trigger-${trigger.id}`,
        attrs: { type: 'button', 'aria-label': `Run ${trigger.handlerFunction}` },
      });
      run.addEventListener('click', async () => {
        run.disabled = true;
        bar.hidden = false;
        status.textContent = 'Running…';
        try {
          const result = await api.runTrigger(trigger.id);
          // A time-driven handler returns nothing: its outcome is the execution and its log.
          status.textContent = result.error
            ? `Error: ${result.error}`
            : `Done: ${Math.round(result.execution.ms)} ms modelled, ${result.execution.counts.serviceCalls ?? 0} service calls`;
          triggerStatus.set(statusKey(trigger), status.textContent);
          hooks.afterTriggerRun(result);
        } catch (error) {
          status.textContent = `Error: ${messageOf(error)}`;
          triggerStatus.set(statusKey(trigger), status.textContent);
        } finally {
          run.disabled = false;
          bar.hidden = true;
          void refresh();
        }
      });
      triggersList.append(
        h('li', { className: 'rc-trigger', testId: `trigger-${trigger.id}` }, [
          h('span', { className: 'rc-trigger-name', text: trigger.handlerFunction }),
          h('span', {
            className: 'rc-trigger-meta',
            text: [describeSchedule(trigger), trigger.owner].filter(Boolean).join(' · '),
          }),
          run,
          bar,
          status,
        ])
      );
    }
  }

  async function refresh(): Promise<void> {
    try {
      drawExecutions(await api.executions());
    } catch (error) {
      summary.textContent = `Executions unavailable: ${messageOf(error)}`;
    }
    // Triggers are redrawn only while visible, so a running trigger's progress is not wiped.
    if (body.hidden || triggersList.querySelector('button:disabled')) return;
    try {
      drawTriggers(await api.triggers());
    } catch (error) {
      clear(triggersList);
      triggersList.append(h('li', { text: `Triggers unavailable: ${messageOf(error)}` }));
    }
  }

  return { element, refresh };
}

// ---- trainer panel -----------------------------------------------------------------------------

export interface TrainerPanelHooks {
  /** A walkthrough was restarted: the Workspace is back to its clean state. */
  afterRestart(): Promise<void>;
}

export interface TrainerPanel extends Refreshable {
  setVisible(visible: boolean): void;
  readonly visible: boolean;
}

export function createTrainerPanel(hooks: TrainerPanelHooks): TrainerPanel {
  const list = h('div', { className: 'rc-walkthroughs' });
  const element = h(
    'aside',
    {
      className: 'rc-trainer',
      testId: 'trainer',
      attrs: { 'aria-label': 'Trainer', hidden: true, id: 'trainer' },
    },
    [h('h2', { className: 'rc-trainer-title', text: 'Walkthroughs' }), list]
  );

  function draw(walkthroughs: Walkthrough[]): void {
    clear(list);
    if (!walkthroughs.length) list.append(h('p', { text: 'No walkthroughs.' }));
    for (const walkthrough of walkthroughs) {
      const done = walkthrough.steps.filter(step => step.done).length;
      const restart = h('button', {
        className: 'rc-shell-button rc-shell-button--quiet',
        text: 'Restart',
        testId: `restart-${walkthrough.id}`,
        attrs: { type: 'button', 'aria-label': `Restart ${walkthrough.title}` },
      });
      restart.addEventListener('click', async () => {
        restart.disabled = true;
        restart.textContent = 'Restarting…';
        try {
          await api.restartWalkthrough(walkthrough.id);
          await hooks.afterRestart();
        } catch (error) {
          window.alert(`Restart failed: ${messageOf(error)}`);
        } finally {
          restart.disabled = false;
          restart.textContent = 'Restart';
          void refresh();
        }
      });
      list.append(
        h('article', { className: 'rc-walkthrough', testId: `walkthrough-${walkthrough.id}` }, [
          h('div', { className: 'rc-walkthrough-head' }, [
            h('h3', { text: walkthrough.title }),
            h('span', {
              className: 'rc-walkthrough-progress',
              text: `${done}/${walkthrough.steps.length}`,
              attrs: { 'aria-label': `${done} of ${walkthrough.steps.length} steps done` },
            }),
            restart,
          ]),
          h(
            'ol',
            { className: 'rc-steps' },
            walkthrough.steps.map(step =>
              h(
                'li',
                {
                  className: `rc-step${step.done ? ' rc-step--done' : ''}`,
                  testId: `step-${step.id}`,
                  attrs: { 'data-done': String(step.done) },
                },
                [
                  h('span', {
                    className: 'rc-step-tick',
                    text: step.done ? '✓' : '',
                    attrs: { 'aria-hidden': 'true' },
                  }),
                  h('span', { text: step.text }),
                  h('span', {
                    className: 'rc-visually-hidden',
                    text: step.done ? ' (done)' : ' (to do)',
                  }),
                ]
              )
            )
          ),
        ])
      );
    }
  }

  async function refresh(): Promise<void> {
    if (element.hidden) return;
    try {
      draw(await api.walkthroughs());
    } catch (error) {
      clear(list);
      list.append(
        h('p', {
          className: 'rc-error-text',
          text: `Walkthroughs unavailable: ${messageOf(error)}`,
        })
      );
    }
  }

  return {
    element,
    refresh,
    setVisible(visible: boolean) {
      element.hidden = !visible;
      if (visible) void refresh();
    },
    get visible() {
      return !element.hidden;
    },
  };
}
