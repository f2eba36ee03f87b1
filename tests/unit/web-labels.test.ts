// Every Chinese name the console shows has its English (console.md: "every label also available in English"): the
// label tables' values, and every Chinese literal in web/src (tables kept inside a component, tab names, titles).
// Once the application buttons, statuses and alert types had none, and enum values showed raw (incident type `spill`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_STATES } from '../../shared/domain/chain.ts';
import * as applications from '../../web/src/features/applications/model.ts';
import * as oversight from '../../web/src/features/oversight/labels.ts';
import * as enums from '../../web/src/lib/enum-labels.ts';
import { EN } from '../../web/src/lib/i18n-en.ts';
import * as labels from '../../web/src/lib/labels.ts';

const CJK = /[\u4e00-\u9fff]/;
/** The Chinese a value holds: a table `{key: zh}`, a list `[[key, zh]]`, or a table of tables. */
const chineseOf = (v: unknown): string[] =>
  typeof v === 'string'
    ? CJK.test(v)
      ? [v]
      : []
    : Array.isArray(v) || (typeof v === 'object' && v !== null)
      ? Object.values(v).flatMap(chineseOf)
      : [];
const withoutEnglish = (zh: string[]) => [...new Set(zh.filter((s) => !(s in EN)))];

// REFUSAL stays Chinese only: the English console shows the API's own `detail` instead (lib/problem.tsx).
const { REFUSAL: _chineseOnly, ...translated } = labels;
const TABLES = { ...translated, ...enums, ...oversight, ...applications };

const SRC = new URL('../../web/src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) ? [join(dir, f)] : [],
  );
/** Chinese string literals and JSX text of a source file, comments left out. */
const literals = (source: string): string[] => {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  return [...code.matchAll(/'([^'\n]+)'|"([^"\n]+)"|>([^<>{}\n]+)</g)]
    .map((m) => m[1] ?? m[2] ?? m[3]?.trim() ?? '')
    .filter((s) => CJK.test(s));
};
// Not translated on purpose: the switch back to Chinese says 中文 in any language; a plate example is a plate.
const UNTRANSLATED = new Set(['中文', '晋A12345']);

describe('the console in English', () => {
  it('has English for every Chinese value of every label table', () => {
    const zh = Object.values(TABLES).flatMap(chineseOf);
    expect(Object.keys(TABLES).length).toBeGreaterThanOrEqual(20);
    expect(zh.length).toBeGreaterThan(150);
    expect(withoutEnglish(zh)).toEqual([]);
  });

  it('has English for every Chinese literal of web/src (tables inside components, tab names, titles)', () => {
    const zh = files(SRC)
      .filter((f) => !f.endsWith('i18n-en.ts') && !f.endsWith('lib/labels.ts'))
      .flatMap((f) => literals(readFileSync(f, 'utf8')))
      .filter((s) => !UNTRANSLATED.has(s));
    expect(zh).toEqual(expect.arrayContaining(['重点单位', '按月', '月份', '泄漏']));
    expect(withoutEnglish(zh)).toEqual([]);
  });

  it('names every state a chain node can be in, by node type (a raw `drawn` once showed)', () => {
    for (const [type, states] of Object.entries(NODE_STATES)) {
      const names = enums.CHAIN_STATE[type as keyof typeof NODE_STATES];
      expect(Object.keys(names).sort(), type).toEqual([...states].sort());
    }
    expect(Object.keys(enums.CHAIN_STATE).sort()).toEqual(Object.keys(NODE_STATES).sort());
  });

  it('says a button as a command and an event or status as a fact, though both are one Chinese phrase apart', () => {
    expect(EN[labels.ACTION['close-incident'] ?? '']).toBe('Close incident');
    expect(EN[labels.EVENT.incident_closed ?? '']).toBe('Incident closed');
    const buttons = new Set(Object.values(applications.APP_ACTION));
    expect(Object.values(applications.APP_STATUS).filter((s) => buttons.has(s))).toEqual([]);
    expect(Object.values(applications.APP_STEP).filter((s) => buttons.has(s))).toEqual([]);
  });
});
