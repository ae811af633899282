import type { RecordedEvent } from '@pdca/event-store';
import { BatchGate } from '../../libs/projections/src/runner/batch-gate';

let position = 0;
const event = (type: string, data: object = {}): RecordedEvent => ({
  id: `e${++position}`,
  stream: 's',
  revision: 0,
  position,
  type,
  data,
  metadata: {} as RecordedEvent['metadata'],
});
const started = (importId: string) => event('ImportStarted', { wardId: 'w', importId });
const completed = (importId: string) => event('ImportCompleted', { wardId: 'w', importId });
const types = (events: RecordedEvent[]) => events.map((e) => e.type);

/** The read models see an import whole or not at all: everything from its start is held until it closes. */
describe('the batch gate of the projections', () => {
  it('lets events through while no import is open', () => {
    const gate = new BatchGate();
    expect(types(gate.offer(event('DraftSaved')))).toEqual(['DraftSaved']);
  });

  it('holds an import and everything after its start until its completion, then releases them in order', () => {
    const gate = new BatchGate();
    expect(gate.offer(started('a'))).toEqual([]);
    expect(gate.offer(event('ProjectRegistered'))).toEqual([]);
    expect(gate.offer(event('ActualSubmitted'))).toEqual([]);
    expect(gate.holding).toBe(3);
    expect(types(gate.offer(completed('a')))).toEqual([
      'ImportStarted',
      'ProjectRegistered',
      'ActualSubmitted',
      'ImportCompleted',
    ]);
    expect(gate.holding).toBe(0);
  });

  it('releases a completed import that started before another still open, and holds the other', () => {
    const gate = new BatchGate();
    gate.offer(started('a'));
    gate.offer(event('EvaluationImported'));
    gate.offer(started('b'));
    gate.offer(event('ProjectRegistered'));
    expect(types(gate.offer(completed('a')))).toEqual(['ImportStarted', 'EvaluationImported']);
    expect(types(gate.offer(completed('b')))).toEqual([
      'ImportStarted',
      'ProjectRegistered',
      'ImportCompleted',
      'ImportCompleted',
    ]);
  });

  it('closes a reversion with ImportReverted and an abandoned batch with ImportAbandoned', () => {
    const gate = new BatchGate();
    gate.offer(event('ImportReversionStarted', { wardId: 'w', importId: 'a' }));
    expect(gate.offer(event('ImportCompleted', { wardId: 'w', importId: 'a' }))).toEqual([]); // another batch's close
    expect(gate.offer(event('ImportReverted', { wardId: 'w', importId: 'a' }))).toHaveLength(3);
    gate.offer(started('c'));
    expect(gate.offer(event('ImportAbandoned', { wardId: 'w', importId: 'c', batch: 'import' }))).toHaveLength(2);
  });

  it('lets an old ImportReverted without a start through at once', () => {
    expect(new BatchGate().offer(event('ImportReverted', { wardId: 'w', importId: 'old' }))).toHaveLength(1);
  });
});
