import { chainEvents, GENESIS } from '@pdca/event-store';
import type { RecordedEvent } from '@pdca/event-store';
import { verifyAnchor, verifyStream } from './chain-verification';

const metadata = {
  actor: 'hoiku-1',
  role: 'section_staff',
  correlationId: 'c',
  causationId: 'k',
  recordedAt: '2023-05-10T01:00:00.000Z',
};

function recordedStream(stream: string, types: string[]): RecordedEvent[] {
  const linked = chainEvents(
    stream,
    GENESIS,
    types.map((type, i) => ({ id: `id-${i}`, type, data: { i, text: '計206所' }, metadata })),
  );
  return linked.map((event, revision) => ({ ...event, stream, revision, position: 100 + revision }));
}

describe('hash chain', () => {
  const stream = 'evaluation-nerima-2022-project-P01-011';

  it('verifies an untouched stream and reports its head', () => {
    const events = recordedStream(stream, ['ActualSubmitted', 'ItemRated', 'SubmissionApproved']);
    expect(verifyStream(stream, events)).toEqual({
      intact: true,
      head: { revision: 2, hash: events[2].metadata.hash },
    });
  });

  it('names the first altered event', () => {
    const events = recordedStream(stream, ['ActualSubmitted', 'ItemRated', 'SubmissionApproved']);
    events[1] = { ...events[1], data: { i: 1, text: '計210所' } };
    expect(verifyStream(stream, events)).toMatchObject({
      intact: false,
      revision: 1,
      problem: 'altered',
      eventId: 'id-1',
    });
  });

  it('detects a removed event in the middle', () => {
    const events = recordedStream(stream, ['A', 'B', 'C']);
    expect(verifyStream(stream, [events[0], events[2]])).toMatchObject({
      intact: false,
      revision: 1,
      problem: 'removed',
    });
  });

  it('detects reordered events even when revisions are renumbered', () => {
    const events = recordedStream(stream, ['A', 'B', 'C']);
    const swapped = [events[0], { ...events[2], revision: 1 }, { ...events[1], revision: 2 }];
    expect(verifyStream(stream, swapped)).toMatchObject({ intact: false, revision: 1 });
  });

  it('detects the removal of the newest events through the head a publication pinned', () => {
    const events = recordedStream(stream, ['A', 'B', 'C']);
    const anchor = { revision: 2, hash: String(events[2].metadata.hash) };
    expect(verifyAnchor(stream, events.slice(0, 2), anchor)).toMatchObject({
      intact: false,
      problem: 'removed',
      revision: 2,
    });
  });
});
