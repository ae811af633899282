/** Dates of the demo as Japan calendar days ("2023-05-31") and instants at a Japan wall-clock time. */
export type CalendarDate = string;

export const atJst = (date: CalendarDate, time: string): string => new Date(`${date}T${time}:00+09:00`).toISOString();

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** "10:07" for the k-th item of a batch: a section clerk submits one item after another. */
export const minutesAfter = (time: string, minutes: number): string => {
  const [h, m] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};
