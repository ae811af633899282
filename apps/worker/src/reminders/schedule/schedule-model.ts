import type { RecordedEvent } from '@pdca/event-store';
import { CYCLE_EVENT_TYPES, CycleEvent } from '@pdca/review';
import {
  cycleKeyOf,
  evolveReminderCycle,
  HolidayCalendar,
  OneOffReminderRequestedData,
  plannedOccasions,
  ReminderCycle,
  ReminderOccasion,
} from '@pdca/reminders';

/** One cycle whose schedule changed after the checkpoint: what the queue holds, what it should hold. */
export interface CycleChange {
  key: string;
  wardId: string;
  fiscalYear: number;
  active: boolean;
  queued: ReminderOccasion[];
  planned: ReminderOccasion[];
}

const cycleTypes = new Set<string>(CYCLE_EVENT_TYPES);

/**
 * The scheduler's memory, rebuilt from the first event on every start: each cycle's schedule
 * inputs, and the cycles changed after the checkpoint — the position up to which the queue
 * already reflects the events. A cycle opened and extended while the worker was down yields one
 * change (queued: nothing, planned: the extended schedule), not two.
 */
export class ScheduleModel {
  private readonly cycles = new Map<string, ReminderCycle>();
  private readonly unsynced = new Map<string, ReminderOccasion[]>();
  /** One-off reminders requested after the checkpoint, not yet pushed to the queue. */
  private readonly oneOffs: OneOffReminderRequestedData[] = [];
  position = 0;

  constructor(
    private readonly checkpoint: number,
    private readonly holidays: HolidayCalendar,
  ) {}

  apply(event: RecordedEvent): void {
    this.position = event.position;
    if (event.type === 'OneOffReminderRequested' && event.position > this.checkpoint)
      this.oneOffs.push(event.data as OneOffReminderRequestedData);
    if (!cycleTypes.has(event.type)) return;
    const cycleEvent = { type: event.type, data: event.data } as CycleEvent;
    const key = cycleKeyOf(cycleEvent.data.wardId, cycleEvent.data.fiscalYear);
    const before = this.cycles.get(key);
    const after = evolveReminderCycle(before, cycleEvent, event.metadata.recordedAt);
    if (!after) return;
    if (event.position > this.checkpoint && !this.unsynced.has(key))
      this.unsynced.set(key, plannedOccasions(before, this.holidays));
    this.cycles.set(key, after);
  }

  get hasChanges(): boolean {
    return this.unsynced.size > 0 || this.oneOffs.length > 0;
  }

  changes(): CycleChange[] {
    return [...this.unsynced].map(([key, queued]) => {
      const cycle = this.cycles.get(key)!; // only cycles that exist are ever marked
      return {
        key,
        wardId: cycle.wardId,
        fiscalYear: cycle.fiscalYear,
        active: cycle.active,
        queued,
        planned: plannedOccasions(cycle, this.holidays),
      };
    });
  }

  /** The one-off requests to push: those of cycles still open (a closed cycle sends nothing more). */
  pendingOneOffs(): OneOffReminderRequestedData[] {
    return this.oneOffs.filter((request) => this.cycles.get(cycleKeyOf(request.wardId, request.fiscalYear))?.active);
  }

  /** Events are applied only between syncs, so what was handed out is everything pending. */
  synced(changes: readonly CycleChange[]): void {
    changes.forEach((change) => this.unsynced.delete(change.key));
    this.oneOffs.length = 0; // pushed, or left out because their cycle ended: either way done
  }
}
