import type { RawEventRow } from './event-rows';
import { RecentRows } from './recent-rows';

const row = (position: number): RawEventRow => [position, `id-${position}`, 's', position - 1, 'T', '{}', '{}'];
const positions = (rows: RawEventRow[] | undefined) => rows?.map((r) => r[0]);

describe('the rows this process just committed', () => {
  it('answers a read that starts right after the read position and runs to the newest row kept', () => {
    const recent = new RecentRows();
    recent.add([row(1), row(2), row(3)]);
    expect(positions(recent.after(0, -1))).toEqual([1, 2, 3]);
    expect(positions(recent.after(2, 500))).toEqual([3]);
  });

  it('stops at the read limit, as SQLite would', () => {
    const recent = new RecentRows();
    recent.add([row(1), row(2), row(3)]);
    expect(positions(recent.after(0, 2))).toEqual([1, 2]);
  });

  it('leaves to SQLite a read that would cross a position another process wrote', () => {
    const recent = new RecentRows();
    recent.add([row(1), row(2)]);
    recent.add([row(4)]); // 3: another process
    expect(recent.after(0, -1)).toBeUndefined();
    expect(recent.after(2, -1)).toBeUndefined();
    expect(positions(recent.after(3, -1))).toEqual([4]);
  });

  it('leaves to SQLite a read before or after the rows it keeps', () => {
    const recent = new RecentRows();
    recent.add([row(5), row(6)]);
    expect(recent.after(3, -1)).toBeUndefined();
    expect(recent.after(6, -1)).toBeUndefined();
  });

  it('keeps only the newest rows up to its capacity', () => {
    const recent = new RecentRows(3);
    recent.add([row(1), row(2), row(3)]);
    recent.add([row(4), row(5)]);
    expect(recent.after(0, -1)).toBeUndefined();
    expect(recent.after(1, -1)).toBeUndefined();
    expect(positions(recent.after(2, -1))).toEqual([3, 4, 5]);
  });
});
