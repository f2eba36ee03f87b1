import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateDiagram } from '#shared/domain/manifest/transition-table.ts';

describe('README state diagram', () => {
  it('is the diagram the transition table draws (regenerate it with stateDiagram() when the table changes)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toBe(stateDiagram());
  });
});
