import type { RecordedEvent } from '@pdca/event-store';
import { noHolidays } from '@pdca/reminders';
import { DEFAULT_B_REASONS, DEFAULT_REMINDER_POLICY } from '@pdca/review';
import { ScheduleModel } from './schedule-model';

const ids = { wardId: 'nerima', fiscalYear: 2022 };
const deadline = '2023-05-31T14:59:59.999Z';
let position = 0;
const recorded = (type: string, data: object, recordedAt: string): RecordedEvent => ({
  id: `e${++position}`,
  stream: 'cycle-nerima-2022',
  revision: position - 1,
  position,
  type,
  data,
  metadata: { actor: 'kikaku', role: 'planning_office', correlationId: 'c', causationId: 'c', recordedAt },
});
const opened = () =>
  recorded(
    'CycleOpened',
    {
      ...ids,
      scheme: 'nerima',
      deadline,
      bReasons: DEFAULT_B_REASONS,
      scope: { projectIds: ['P1'], kpiIds: [] },
      reminderPolicy: DEFAULT_REMINDER_POLICY,
      openedAt: '2023-04-03T00:00:00Z',
    },
    '2023-04-03T00:00:00Z',
  );
const extended = () =>
  recorded(
    'DeadlineExtended',
    { ...ids, deadline: '2023-06-15T14:59:59.999Z', previousDeadline: deadline, reason: '延長' },
    '2023-05-20T00:00:00Z',
  );
const oneOff = (requestId: string) => () =>
  recorded(
    'OneOffReminderRequested',
    { ...ids, requestId, sectionIds: ['hoiku'], requestedBy: 'kikaku', requestedAt: '2023-06-05T01:00:00Z' },
    '2023-06-05T01:00:00Z',
  );
const closed = () => recorded('CycleClosed', { ...ids, closedAt: '2023-06-20T00:00:00Z' }, '2023-06-20T00:00:00Z');
const submitted = () =>
  recorded('ActualSubmitted', { item: { ...ids, kind: 'project', itemId: 'P1' } }, '2023-05-21T00:00:00Z');

function given(checkpoint: number, ...events: (() => RecordedEvent)[]) {
  position = 0;
  const model = new ScheduleModel(checkpoint, noHolidays);
  events.forEach((event) => model.apply(event()));
  return model;
}

describe('what the scheduler pushes after its checkpoint', () => {
  it('pushes nothing for events the queue already reflects', () => {
    expect(given(3, opened, extended, submitted).hasChanges).toBe(false);
  });

  it('pushes the net change of a cycle opened and extended while the worker was away: one plan, nothing to take out', () => {
    const [change] = given(0, opened, extended, submitted).changes();
    expect(change.queued).toEqual([]);
    expect(change.planned[0].occasionId).toBe('nerima:2022:before:2023-06-08');
  });

  it('knows what the queue holds when only the extension is new', () => {
    const [change] = given(1, opened, extended).changes();
    expect(change.queued.map((o) => o.occasionId)).toContain('nerima:2022:before:2023-05-24');
    expect(change.planned.map((o) => o.occasionId)).not.toContain('nerima:2022:before:2023-05-24');
  });

  it('ignores evaluation events and forgets a change once it is pushed', () => {
    const model = given(1, opened, submitted, extended);
    model.synced(model.changes());
    expect(model.hasChanges).toBe(false);
    expect(model.position).toBe(3);
  });

  it('pushes the one-off requests made after the checkpoint, once', () => {
    const model = given(2, opened, oneOff('r-1'), oneOff('r-2'));
    expect(model.hasChanges).toBe(true);
    expect(model.changes()).toEqual([]);
    expect(model.pendingOneOffs().map((r) => r.requestId)).toEqual(['r-2']);
    model.synced(model.changes());
    expect(model.hasChanges).toBe(false);
    expect(model.pendingOneOffs()).toEqual([]);
  });

  it('pushes no one-off request of a cycle that has ended', () => {
    expect(given(0, opened, oneOff('r-1'), closed).pendingOneOffs()).toEqual([]);
  });
});
