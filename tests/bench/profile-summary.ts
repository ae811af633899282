import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * node -r @swc-node/register tests/bench/profile-summary.ts bench/profiles/<name>.cpuprofile [filter-regexp]
 * Prints where a CPU profile spent its time: the top functions by self time and by inclusive time.
 */
function main(): void {
  const [file, filter] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  profile.nodes.forEach((n) => n.children?.forEach((c) => parent.set(c, n.id)));
  const name = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    self.set(name(byId.get(id)!), (self.get(name(byId.get(id)!)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
      seen.add(key);
    }
  });
  const show = (title: string, table: Map<string, number>, keep: (key: string) => boolean) => {
    process.stdout.write(`\n${title}\n`);
    [...table].filter(([key]) => keep(key)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 35))
      .forEach(([key, us]) => process.stdout.write(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}\n`));
  };
  process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n`);
  show('self time', self, () => true);
  const pattern = filter ? new RegExp(filter) : undefined;
  show('inclusive time', inclusive, (key) => !pattern || pattern.test(key));
}

main();
