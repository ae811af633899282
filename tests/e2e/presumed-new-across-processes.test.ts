import { ManualClock } from '../support/manual-clock';
import { PROJECTS, USERS } from '../support/sample-ward';
import { twoApisOnOneStore } from '../support/two-apis';

const FY = '/wards/nerima/cycles/2022';
const submission = (text: string) => ({ actual: { text }, rating: { scheme: 'nerima', grade: 'A' } });
const SECTION = PROJECTS[0].sectionId;
const OWNER = USERS.find((u) => 'sectionId' in u && u.sectionId === SECTION)!.username;

/**
 * An item this process's views hold no event of is presumed new and not read (FirstAttempt.presumedNew).
 * The second API learns of the first's writes by polling (every 250 ms), so a request sent to it right
 * after the first's answer is, almost always, decided on that presumption. Whichever path it takes,
 * the answer must be the one a read would give.
 */
describe('a command on an item the other process has just written, presumed new here', () => {
  const clock = new ManualClock(new Date('2023-04-03T00:00:00Z'));
  const apis = twoApisOnOneStore(clock);

  const projects = PROJECTS.filter((p) => p.sectionId === SECTION).map((p) => p.projectId);

  it.each([
    [
      'the same request: a replay of the first',
      'first',
      '実績 10所',
      { status: 200, replayed: true, samePosition: true },
    ],
    ['its key with another text: refused, 422', 'first', '実績 99所', { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' }],
    ['a new key: refused as already submitted', 'second', '実績 11所', { status: 409, code: 'INVALID_STATUS' }],
  ])(
    'given a keyed submission through the first API, when the second gets %s, and nothing more is stored',
    async (_, key, text, expected) => {
      const [onOne, onTwo] = [await apis.one.as(OWNER), await apis.two.as(OWNER)];
      const path = `${FY}/projects/${projects.pop()}/submission`;
      const firstKey = `first-${path.split('/').at(-2)}-0001`;
      const first = await onOne.post(path, submission('実績 10所')).set('Idempotency-Key', firstKey);
      const answerKey = key === 'first' ? firstKey : firstKey.replace('first', 'second');
      const answer = await onTwo.post(path, submission(text)).set('Idempotency-Key', answerKey);
      const history = await onOne.get(path.replace(/submission$/, 'history')).expect(200);

      expect(first.status).toBe(200);
      const samePosition = answer.headers['x-position'] === first.headers['x-position'];
      const { code, replayed } = answer.body as { code?: string; replayed?: boolean };
      expect({ status: answer.status, code, replayed, samePosition }).toEqual({ samePosition: false, ...expected });
      const submitted = history.body.history.filter((e: { event: string }) => e.event === 'ActualSubmitted');
      expect(submitted).toHaveLength(1);
    },
  );
});
