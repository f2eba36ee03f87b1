// The indexed-read helpers tests lean on: each returns the element when it is there and otherwise fails naming
// what was missing and what the list or record held.
import { describe, expect, it } from 'vitest';
import { at, entry, exactly, first, found, last, only, present } from '../support/present.ts';

describe('indexed reads for tests', () => {
  it('return the element that is there, undefined included when the list holds it', () => {
    expect(at(['a', 'b', 'c'], 1)).toBe('b');
    expect(at(['a', 'b', 'c'], -1)).toBe('c');
    expect(first([undefined, 1])).toBeUndefined();
    expect(last([1, 2])).toBe(2);
    expect(only([7])).toBe(7);
    expect(exactly([1, 2], 2)).toEqual([1, 2]);
    expect(entry({ k: 0 }, 'k')).toBe(0);
    expect(found([1, 2, 3], (x) => x > 1)).toBe(2);
    expect(present(0)).toBe(0);
  });

  it('fail naming what is missing and what there was', () => {
    expect(() => at(['a'], 1, 'batch')).toThrow('Expected batch at index 1, but the list has 1: ["a"]');
    expect(() => at(['a'], -2)).toThrow('index -2');
    expect(() => first([], 'reply')).toThrow('Expected reply at index 0, but the list has 0: []');
    expect(() => last([])).toThrow('index -1');
    expect(() => only([1, 2], 'winner')).toThrow('Expected exactly one winner, but the list has 2: [1,2]');
    expect(() => exactly([1], 2, 'part')).toThrow('Expected exactly 2 of part, but the list has 1: [1]');
    expect(() => entry({ a: 1 }, 'b', 'groups')).toThrow('Expected groups to hold key "b"; it holds ["a"]');
    expect(() => entry({}, 'toString')).toThrow('to hold key "toString"');
    expect(() => found([1], (x) => x > 1, 'a large one')).toThrow('Expected a large one among 1: [1]');
    expect(() => present(null, 'approval')).toThrow('Expected approval to be present, got null');
  });

  it('shorten a long list in the message', () => {
    expect(() => only(Array.from({ length: 200 }, (_, i) => i))).toThrow(/…$/);
  });
});
