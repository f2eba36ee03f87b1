// BENCH_PROFILE=1: a CPU profile of this process over one phase (node:inspector), kept as a .cpuprofile for
// Chrome DevTools, and summarised as self time per package — where the API's own CPU goes.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { must } from '#shared/must.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Who a frame belongs to: a package in node_modules, a folder of this project, Node itself, or idle/GC. */
function ownerOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return 'node:internal';
  const own = /\/work\/main\/([^/]+)\//.exec(url) ?? /\/(shared|functions|schemas|local|bench)\//.exec(url);
  return own ? `project:${own[1]}` : url.split('/').slice(-2).join('/');
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  byOwner: { owner: string; ms: number; share: number }[];
}

export async function profiled<T>(
  file: string,
  phase: () => Promise<T>,
): Promise<{ result: T; summary: ProfileSummary }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    const result = await phase();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    writeFileSync(file, JSON.stringify(profile));
    return { result, summary: summarise(profile, file) };
  } finally {
    session.disconnect();
  }
}

function summarise(profile: CpuProfile, file: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const owner = ownerOf(must(byId.get(id), 'a sample names a profile node'));
    ms.set(owner, (ms.get(owner) ?? 0) + must(profile.timeDeltas[i], 'a time delta per sample') / 1000);
  });
  const totalMs = [...ms.values()].reduce((s, n) => s + n, 0);
  const byOwner = [...ms.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([owner, t]) => ({ owner, ms: Math.round(t), share: Math.round((t / totalMs) * 1000) / 10 }));
  return { file, totalMs: Math.round(totalMs), byOwner };
}
