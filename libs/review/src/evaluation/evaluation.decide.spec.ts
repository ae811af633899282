import { evaluationDecider } from './evaluation.decide';
import { context, hoiku, when } from './evaluation-spec-fixtures';

describe("an item's decide", () => {
  it('refuses a command type no slice handles, instead of deciding nothing', () => {
    const unknown = when('SubmitActual', {}, context(hoiku));
    expect(() => evaluationDecider.decide({ ...unknown, type: 'Bogus' } as never, { status: 'not_started' })).toThrow(
      'unexpected evaluation command',
    );
  });
});
