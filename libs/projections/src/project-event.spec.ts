import type { RecordedEvent } from '@pdca/event-store';
import { deepFreeze } from '@pdca/kernel/testing';
import { projectEvent, wardView } from './project-event';
import { emptyReadModels } from './read-models';

const home = { planId: '1', sectionNo: '1', sectionTitle: '保育サービスの充実' };
const item = { wardId: 'nerima', fiscalYear: 2022, kind: 'project', itemId: 'P1' };
const facts: Array<[stream: string, type: string, data: unknown]> = [
  ['catalogue-nerima', 'SectionRegistered', { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' }],
  ['catalogue-nerima', 'PillarRegistered', { pillarId: 'I', code: 'I', title: '子ども' }],
  ['catalogue-nerima', 'PlanRegistered', { planId: '1', code: '1', title: '子育て', pillarId: 'I' }],
  [
    'catalogue-nerima',
    'ProjectRegistered',
    { projectId: 'P1', name: '認可保育所', home, sectionId: 'hoiku', notSuitedForShortTermEvaluation: false },
  ],
  ['catalogue-nerima', 'ProjectReposted', { projectId: 'P1', placement: { ...home, planId: '2' } }],
  ['catalogue-nerima', 'ProjectChanged', { projectId: 'P1', name: '認可保育所の整備' }],
  ['evaluation-nerima-2022-project-P1', 'DraftSaved', { item, draft: { actual: { kind: 'project', text: '9所' } } }],
];
const revisions = new Map<string, number>();
const events: RecordedEvent[] = facts.map(([stream, type, data], i) => {
  const revision = (revisions.get(stream) ?? -1) + 1;
  revisions.set(stream, revision);
  const metadata = {
    actor: 'kikaku-1',
    role: 'planning_office',
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2023-04-01T00:00:00.000Z',
  };
  return { id: `e${i}`, stream, revision, position: i + 1, type, data, metadata };
});

describe('the projection keeps its state in the read models it is given, and nowhere else', () => {
  it('never writes into the events it projects (they are frozen here)', () => {
    const models = emptyReadModels();
    for (const event of deepFreeze(structuredClone(events))) projectEvent(models, event);
    expect(wardView(models, 'nerima').catalogue.projects.P1).toMatchObject({
      name: '認可保育所の整備',
      reposts: [{ planId: '2' }],
    });
  });

  it('two read models fed the same events share nothing: what one projects later, the other does not see', () => {
    const first = emptyReadModels();
    const second = emptyReadModels();
    for (const event of events.slice(0, -1)) {
      projectEvent(first, event);
      projectEvent(second, event);
    }
    const before = structuredClone(second);
    projectEvent(first, { ...events[events.length - 1], metadata: { ...events[0].metadata, actor: 'hoiku-1' } });
    expect(first.actors.has('hoiku-1')).toBe(true);
    expect(second).toEqual(before);
  });
});
