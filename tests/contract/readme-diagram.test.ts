import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applicationStateDiagram } from '#shared/domain/application/transition-table.ts';
import { stateDiagram } from '#shared/domain/manifest/transition-table.ts';

describe('README state diagram', () => {
  it('is the diagram the transition table draws (regenerate it with stateDiagram() when the table changes)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toBe(stateDiagram());
  });

  it('shows the application states the application table draws (applicationStateDiagram())', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(blocks).toContain(applicationStateDiagram());
  });
});
