import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLinkFile } from './log-link-file';

const links = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    position: (from + i) * 137,
    link: `kabcdef01:${'x'.repeat(44)}${from + i}`,
  }));

describe('the link file', () => {
  const fileIn = () => new LogLinkFile(join(mkdtempSync(join(tmpdir(), 'log-links-')), 'log-links.jsonl'));

  it('given many batches, then the tail read from the end is the last link and the one before it', async () => {
    const file = fileIn();
    await file.append(links(1, 150));
    await file.append(links(151, 50));
    expect(file.tail()).toEqual({
      ...links(200, 1)[0],
      previousPosition: links(199, 1)[0].position,
      previousLink: links(199, 1)[0].link,
    });
    expect(file.readAll()).toEqual(links(1, 200));
  });

  it('given one link, then the link before it is the genesis', async () => {
    const file = fileIn();
    await file.append(links(1, 1));
    expect(file.tail()).toMatchObject({ previousPosition: 0, previousLink: '' });
  });

  it('given a line a crash cut, then it is dropped and the next append starts a line of its own', async () => {
    const file = fileIn();
    await file.append(links(1, 3));
    appendFileSync(file.path, '{"position":548,"li');
    file.dropTornLine();
    await file.append(links(4, 1));
    expect(file.readAll()).toEqual(links(1, 4));
    expect(readFileSync(file.path, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('given only a cut line, then nothing is left of it', async () => {
    const file = fileIn();
    appendFileSync(file.path, '{"position":137,"link":"kabc');
    file.dropTornLine();
    expect(file.tail()).toBeUndefined();
    await file.append(links(1, 1));
    expect(file.readAll()).toEqual(links(1, 1));
  });
});
