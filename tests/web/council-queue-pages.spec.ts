import { pageOf, QUEUE_PAGE_SIZE } from '../../apps/web/src/roles/council/queue-page';

describe('pageOf (the council queue shows its items a page at a time)', () => {
  const items = Array.from({ length: 500 }, (_, i) => i);

  it('gives the first page of a 500-item queue, ten pages in all', () => {
    expect(pageOf(items, 1)).toEqual({ rows: items.slice(0, QUEUE_PAGE_SIZE), page: 1, pages: 10, from: 0 });
  });

  it('shows the last page for a page past the end (a filter left fewer items) and page 1 before the start', () => {
    const fewer = items.slice(0, 120);
    expect(pageOf(fewer, 7)).toMatchObject({ page: 3, pages: 3, from: 100, rows: fewer.slice(100) });
    expect(pageOf(fewer, 0)).toMatchObject({ page: 1, from: 0 });
  });

  it('has one (empty) page for an empty queue', () => {
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pages: 1, from: 0 });
  });
});
