import { eventIdFor } from './event-ids';

describe('eventIdFor', () => {
  // Stored events carry these ids: a change would make a retried command write twice.
  it('keeps the ids it has always given (UUID v5 of command, stream and index)', () => {
    expect(eventIdFor('kikaku/abc-12345', 'evaluation-nerima-2022-project-P001', 0)).toBe(
      '47c8ffb3-f495-5772-88ea-d6b8759c8641',
    );
    expect(eventIdFor('u/鍵', 's', 3)).toBe('96a20609-5a85-53b2-8612-58fe2bafe3d6');
  });

  it('gives every event of a command its own id', () => {
    expect(eventIdFor('c', 's', 0)).not.toBe(eventIdFor('c', 's', 1));
    expect(eventIdFor('c', 's', 0)).not.toBe(eventIdFor('c', 't', 0));
  });
});
