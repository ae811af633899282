import { CATALOGUE_EVENT_TYPES } from '@pdca/catalogue';
import { PERSONAL_TEXT_FIELDS } from '@pdca/event-store';
import { ONE_OFF_REMINDER_EVENT_TYPES, REMINDER_EVENT_TYPES } from '@pdca/reminders';
import { CYCLE_EVENT_TYPES, EVALUATION_EVENT_TYPES } from '@pdca/review';

const KNOWN_TYPES = [
  ...EVALUATION_EVENT_TYPES,
  ...CYCLE_EVENT_TYPES,
  'ImprovementsRecorded',
  ...CATALOGUE_EVENT_TYPES,
  ...REMINDER_EVENT_TYPES,
  ...ONE_OFF_REMINDER_EVENT_TYPES,
];

describe('which free texts are sealed', () => {
  it('given every known event type, then each has decided its personal text fields (add a line to personal-text-fields.ts, [] when none)', () => {
    expect(KNOWN_TYPES.filter((type) => !(type in PERSONAL_TEXT_FIELDS))).toEqual([]);
  });

  it('given the fields people write in, then they are sealed and codes are not', () => {
    expect(PERSONAL_TEXT_FIELDS.ItemRated).toEqual(['rating.note', 'rating.issues', 'rating.improvements']);
    expect(PERSONAL_TEXT_FIELDS.ImportStepsRecorded).toContain('steps.*.command.command.data.rating.note');
    expect(PERSONAL_TEXT_FIELDS.SubmissionReturned).toEqual(['comments']);
    expect(PERSONAL_TEXT_FIELDS.ImprovementsRecorded).toEqual(
      expect.arrayContaining(['assessment.issues', 'assessment.improvements']),
    );
    expect(
      Object.values(PERSONAL_TEXT_FIELDS)
        .flat()
        .filter((path) => /bReason|grade|itemId|wardId/.test(path)),
    ).toEqual([]);
  });
});
