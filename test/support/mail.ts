// Flagged mail for sweep tests and the benchmark: messages in a mailbox as the sidebar's Flag for
// capture leaves them (labelled, with the choices remembered for their thread).
import { plainMessage } from '../../fakes/gmail/fixtures';
import { addMessageFromRaw } from '../../fakes/gmail/seed';
import type { Workspace } from '../../fakes/harness/workspace';

export const TO_CAPTURE = 'Records/To capture';

export async function flagMany(
  ws: Workspace,
  owner: string,
  n: number,
  prefix = 'Routine update'
): Promise<string[]> {
  const ids: string[] = [];
  ws.state.properties.user[owner] ??= {};
  for (let i = 0; i < n; i++) {
    const id = await addMessageFromRaw(ws.state, {
      owner,
      raw: plainMessage({
        subject: `${prefix} ${i + 1}`,
        messageId: `flagged-${i}.${n}@dfrr.gov.uk`,
      }),
    });
    const message = ws.state.gmail!.messages[id];
    message.labels.push(TO_CAPTURE);
    ws.state.properties.user[owner][`records-capture.flag.${message.threadId}`] = JSON.stringify({
      form: {
        classification: 'OFFICIAL',
        handlingInstructions: [],
        descriptors: [],
        caveats: [],
        series: 'POL-DEV-01',
        businessUnit: 'PPD',
        description: '',
        recordDate: null,
        lock: false,
        scope: 'message',
        includeAttachments: true,
        onBehalfOf: '',
      },
      flaggedAt: '2017-01-02T09:00:00.000Z',
    });
    ids.push(id);
  }
  const labels = (ws.state.gmail!.labels[owner] ??= []);
  if (!labels.includes(TO_CAPTURE)) labels.push(TO_CAPTURE);
  return ids;
}
