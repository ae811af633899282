import { deciderSpec } from '@pdca/kernel/testing';
import { cycleDecider } from './cycle.decide';
import { opened, when } from './cycle-spec-fixtures';

const given = deciderSpec(cycleDecider).given;

describe("a cycle's decide", () => {
  it('lets only the planning office run the cycle', () => {
    const staff = { userId: 'hoiku-1', role: 'section_staff' as const, wardId: 'nerima', sectionId: 'hoiku' };
    const command = when({ type: 'ReopenCycle', data: { reason: '再開' } });
    given([opened])
      .when({ ...command, context: { ...command.context, actor: staff } })
      .thenThrows('ROLE_NOT_ALLOWED');
  });
});
