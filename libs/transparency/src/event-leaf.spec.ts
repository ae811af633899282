import type { RecordedEvent } from '@pdca/event-store';
import { eventLeafEntry, eventLeafHash, rowLeafHash } from './event-leaf';
import { sha256 } from './hashing';

const event: RecordedEvent = {
  id: 'evt-1',
  stream: 'evaluation-nerima-2022-project-P1',
  revision: 3,
  position: 41,
  type: 'ActualSubmitted',
  data: { actual: { text: '9所' } },
  metadata: {
    actor: 'hoiku',
    role: 'section_staff',
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2023-04-03T00:00:00.000Z',
  },
};

describe('the log leaf of an event', () => {
  it('is SHA-256 over 0x00 and the entry its log link covers: the columns, then data and metadata as stored', () => {
    const entry = eventLeafEntry(event).toString('utf8');
    expect(entry).toBe(
      '["evaluation-nerima-2022-project-P1",3,41,"evt-1","ActualSubmitted"]\n{"actual":{"text":"9所"}}\n{"actor":"hoiku","role":"section_staff","correlationId":"c","causationId":"c","recordedAt":"2023-04-03T00:00:00.000Z"}',
    );
    expect(eventLeafHash(event)).toEqual(sha256(Buffer.from([0]), Buffer.from(entry, 'utf8')));
  });

  it('is the same from the stored row as from the parsed event', () => {
    const row = { ...event, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) };
    expect(rowLeafHash(row)).toEqual(eventLeafHash(event));
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
    expect(eventLeafHash({ ...event, ...change })).not.toEqual(eventLeafHash(event));
  });
});
