import { ContextChangedError, WrongExpectedRevisionError } from '@pdca/event-store';
import { ErrorBody, ErrorResponseFilter } from './error-response.filter';

const bodyOf = (error: unknown): ErrorBody =>
  (new ErrorResponseFilter() as unknown as { toBody(e: unknown): ErrorBody }).toBody(error);

describe('the error shape of conflicts', () => {
  it('answers a context that kept moving with 409 CONTEXT_CHANGED in Japanese and English, with no revision to retry with', () => {
    const body = bodyOf(new ContextChangedError('evaluation-nerima-2022-project-P01', 'cycle-nerima-2022'));
    expect(body).toMatchObject({ statusCode: 409, code: 'CONTEXT_CHANGED' });
    expect(body.message.ja).toMatch(/やり直してください/);
    expect(body.message.en).toMatch(/kept changing/);
    expect(body.details).toBeUndefined();
  });

  it("answers the item's own conflict with 409 STALE_REVISION and its current revision", () => {
    expect(bodyOf(new WrongExpectedRevisionError('evaluation-x', 1, 2))).toMatchObject({
      statusCode: 409,
      code: 'STALE_REVISION',
      details: { currentRevision: 2 },
    });
  });
});
