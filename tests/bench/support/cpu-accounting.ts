import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports thread CPU in clock ticks; 100 per second on every kernel this runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

export interface CpuSample {
  /** CPU seconds (user + system) of the main threads of the process and its children (cluster workers). */
  main: number;
  /** CPU seconds of all their other threads: the SQLite writer, key writer, checkpointer, GC helpers, libuv pool. */
  threads: number;
  /** CPU seconds of this (the bench) process, which generates the load. */
  bench: number;
}

export interface CpuPerCommand {
  mainUs: number;
  threadsUs: number;
  benchUs: number;
  totalUs: number;
  /** The commands/s this machine's cores could carry at that cost, if nothing else ran and nothing waited. */
  ceiling: number;
}

/**
 * Where the CPU of a command goes, all threads counted: read from /proc for the API's process tree
 * and from process.cpuUsage() for the load generator, which shares the machine's cores with it.
 */
export function sampleCpu(pid: number): CpuSample {
  let main = 0;
  let threads = 0;
  for (const processId of [pid, ...childrenOf(pid)]) {
    for (const thread of readdirSync(`/proc/${processId}/task`)) {
      const seconds = threadSeconds(processId, thread);
      if (thread === String(processId)) main += seconds;
      else threads += seconds;
    }
  }
  const own = process.cpuUsage();
  return { main, threads, bench: (own.user + own.system) / 1e6 };
}

export function cpuPerCommand(before: CpuSample, after: CpuSample, commands: number, cores: number): CpuPerCommand {
  const perCommand = (seconds: number) => (commands > 0 ? (seconds * 1e6) / commands : Number.NaN);
  const mainUs = perCommand(after.main - before.main);
  const threadsUs = perCommand(after.threads - before.threads);
  const benchUs = perCommand(after.bench - before.bench);
  const totalUs = mainUs + threadsUs + benchUs;
  return { mainUs, threadsUs, benchUs, totalUs, ceiling: (cores * 1e6) / totalUs };
}

function threadSeconds(pid: number, tid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0; // the thread ended between the listing and the read
  }
}

/** Direct child processes, from /proc (the cluster primary's API processes; none for one process). */
export function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text ? text.split(/\s+/).map(Number) : [];
}
