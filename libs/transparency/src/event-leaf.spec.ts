import type { RecordedEvent } from '@pdca/event-store';
import { eventLeafEntry, eventLeafHash } from './event-leaf';
import { sha256 } from './hashing';

const event: RecordedEvent = {
  id: 'evt-1', stream: 'evaluation-nerima-2022-project-P1', revision: 3, position: 41, type: 'ActualSubmitted',
  data: { actual: { text: '9所' } },
  metadata: { actor: 'hoiku', role: 'section_staff', correlationId: 'c', causationId: 'c', recordedAt: '2023-04-03T00:00:00.000Z' },
};

describe('the log leaf of an event', () => {
  it('is SHA-256 over 0x00 and the RFC 8785 canonical JSON of every stored column', () => {
    const entry = eventLeafEntry(event).toString('utf8');
    expect(entry).toBe('{"data":{"actual":{"text":"9所"}},"id":"evt-1","metadata":{"actor":"hoiku","causationId":"c","correlationId":"c","recordedAt":"2023-04-03T00:00:00.000Z","role":"section_staff"},"position":41,"revision":3,"stream":"evaluation-nerima-2022-project-P1","type":"ActualSubmitted"}');
    expect(eventLeafHash(event)).toEqual(sha256(Buffer.from([0]), Buffer.from(entry, 'utf8')));
  });

  it('does not depend on the order keys were stored in', () => {
    const reordered = { ...event, metadata: { recordedAt: event.metadata.recordedAt, role: 'section_staff', actor: 'hoiku', causationId: 'c', correlationId: 'c' } };
    expect(eventLeafHash(reordered)).toEqual(eventLeafHash(event));
  });

  it.each([
    ['position (a swap of global order)', { position: 42 }],
    ['revision', { revision: 4 }],
    ['stream', { stream: 'evaluation-nerima-2022-project-P2' }],
    ['id', { id: 'evt-2' }],
    ['type', { type: 'ActualWithdrawn' }],
    ['one character of data', { data: { actual: { text: '8所' } } }],
    ['the actor in metadata', { metadata: { ...event.metadata, actor: 'kikaku' } }],
    ['the time in metadata', { metadata: { ...event.metadata, recordedAt: '2023-04-03T00:00:01.000Z' } }],
  ])('changes with %s', (_what, change) => {
    expect(eventLeafHash({ ...event, ...change } as RecordedEvent)).not.toEqual(eventLeafHash(event));
  });
});
