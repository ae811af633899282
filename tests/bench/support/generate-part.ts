import { FixtureWriter } from './fixture-writer';
import { WardShape, writeWard } from './synthetic-ward';

/** Child-process entry: writes the wards given on stdin (JSON) into the SQLite file named in argv. */
async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const wards = JSON.parse(Buffer.concat(chunks).toString('utf8')) as WardShape[];
  const writer = new FixtureWriter(process.argv[2]);
  wards.forEach((shape) => writeWard(writer, shape));
  writer.close();
  process.stdout.write(JSON.stringify({ written: writer.written }));
}

void main();
