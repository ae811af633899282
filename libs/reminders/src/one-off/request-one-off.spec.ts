import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';
import type { OneOffReminderEvent } from './one-off.events';
import { oneOffReminderDecider, RequestOneOffReminder } from './request-one-off';

const kikaku: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
const context = { actor: kikaku, wardId: 'nerima', fiscalYear: 2022, now: '2023-06-05T01:00:00.000Z' };
const sections = {
  hoiku: { name: '保育課', owed: 2 },
  kouen: { name: '公園緑地課', owed: 0 },
  bunka: { name: '文化・生涯学習課', owed: 1 },
};
const request = (data: Partial<RequestOneOffReminder['data']>, actor = kikaku): RequestOneOffReminder => ({
  type: 'RequestOneOffReminder',
  data: { requestId: 'r-1', sectionIds: ['hoiku', 'bunka'], cycleStatus: 'open', sections, ...data },
  context: { ...context, actor },
});
const requested = (data: Partial<OneOffReminderEvent['data']> = {}): OneOffReminderEvent => ({
  type: 'OneOffReminderRequested',
  data: {
    requestId: 'r-1',
    wardId: 'nerima',
    fiscalYear: 2022,
    sectionIds: ['hoiku', 'bunka'],
    requestedBy: 'kikaku-1',
    requestedAt: context.now,
    ...data,
  },
});
const given = deciderSpec(oneOffReminderDecider).given;

describe('a one-off reminder requested by the planning office', () => {
  it('records the chosen sections, who asked and when', () => {
    given([]).when(request({})).then([requested()]);
  });

  it('keeps a note, trimmed, and names each section once', () => {
    given([requested({ requestId: 'r-0' })])
      .when(request({ sectionIds: ['hoiku', 'hoiku'], note: ' 本日中にお願いします。 ' }))
      .then([requested({ sectionIds: ['hoiku'], note: '本日中にお願いします。' })]);
  });

  it('refuses a section that owes nothing, or one that does not exist', () => {
    given([])
      .when(request({ sectionIds: ['hoiku', 'kouen'] }))
      .thenThrows('NOTHING_OUTSTANDING');
    given([])
      .when(request({ sectionIds: ['hoiku', 'toshi'] }))
      .thenThrows('UNKNOWN_SECTION');
    given([])
      .when(request({ sectionIds: ['constructor'] }))
      .thenThrows('UNKNOWN_SECTION');
  });

  it('names every refused section in the error, in Japanese by name', () => {
    expect(() =>
      oneOffReminderDecider.decide(request({ sectionIds: ['kouen', 'hoiku'] }), oneOffReminderDecider.initialState()),
    ).toThrow(
      expect.objectContaining({
        messageJa: expect.stringContaining('公園緑地課'),
        details: { field: 'sectionIds', sectionIds: ['kouen'] },
      }),
    );
  });

  it('is only for an open cycle', () => {
    given([])
      .when(request({ cycleStatus: 'not_opened' }))
      .thenThrows('CYCLE_NOT_OPENED');
    given([])
      .when(request({ cycleStatus: 'closed' }))
      .thenThrows('CYCLE_STATUS');
  });

  it('is only for the planning office', () => {
    given([])
      .when(request({}, { userId: 'hoiku-1', role: 'section_staff', wardId: 'nerima', sectionId: 'hoiku' }))
      .thenThrows('ROLE_NOT_ALLOWED');
  });

  it('folds the requests by id, for the worker to look one up', () => {
    const state = [requested(), requested({ requestId: 'r-2', sectionIds: ['bunka'] })].reduce(
      oneOffReminderDecider.evolve,
      oneOffReminderDecider.initialState(),
    );
    expect(Object.keys(state.requests)).toEqual(['r-1', 'r-2']);
    expect(state.requests['r-2'].sectionIds).toEqual(['bunka']);
  });
});
