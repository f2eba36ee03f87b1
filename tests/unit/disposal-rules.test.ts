import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError } from '#shared/errors.ts';
import { planDisposal, type DisposalContext, type DisposalInput } from '#shared/domain/disposal.ts';
import { completionOf, type OnwardFacts } from '#shared/domain/disposal-completion.ts';
import type { Manifest, ManifestLine } from '#shared/domain/manifest/manifest.ts';
import { first } from '../support/present.ts';

const received = (
  lineNo: number,
  wasteCode: string,
  accepted: number,
  rejected = 0,
  over: Partial<ManifestLine> = {},
): ManifestLine => ({
  lineNo,
  wasteCode,
  name: 'x',
  physicalForm: 'solid',
  hazards: ['T'],
  packaging: 'drum',
  containerCount: 1,
  grams: accepted + rejected,
  receipt: { receivedGrams: accepted + rejected, rejectedGrams: rejected, acceptedGrams: accepted, containerCount: 1 },
  ...over,
});
const licence = (operations: string[], codes: string[], over = {}) => ({
  id: 'L',
  type: 'hazardous-waste',
  operations,
  wasteCodes: codes.map((code) => ({ code, annualCapacityGrams: 1e9 })),
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  status: 'verified',
  ...over,
});
const NOW = new Date('2026-06-10T00:00:00Z');

function ctx(over: Partial<DisposalContext> = {}): DisposalContext {
  return {
    manifest: {
      lines: [
        received(1, '841-001-01', 100_000, 0, { medicalCategory: 'infectious' }),
        received(2, '900-041-49', 50_000),
      ],
      receivedAt: '2026-06-01T00:00:00.000Z',
    },
    availableGrams: new Map([
      [1, 100_000],
      [2, 50_000],
    ]),
    licences: [licence(['collect', 'dispose'], ['HW01', 'HW49'])],
    now: NOW,
    timeZone: 'Asia/Shanghai',
    ...over,
  };
}
const line = (lineNo: number, operationCode: string, grams: number, completedAt = '2026-06-05T00:00:00Z') => ({
  lineNo,
  operationCode,
  grams,
  completedAt,
});
const refusal = (input: DisposalInput, c = ctx()) => {
  try {
    planDisposal(input, c);
    return undefined;
  } catch (err) {
    return (err as AppError).code;
  }
};

describe('disposal reports', () => {
  it('draws per line, moves stock per code, and dates the treatment by its last completion', () => {
    const plan = planDisposal(
      {
        lines: [line(1, 'Y10', 60_000), line(1, 'D10', 40_000, '2026-06-06T00:00:00Z'), line(2, 'D10', 1)],
        residues: [],
      },
      ctx(),
    );
    expect(plan.draws).toEqual([
      { lineNo: 1, grams: 100_000 },
      { lineNo: 2, grams: 1 },
    ]);
    expect(plan.disposed).toEqual([
      { wasteCode: '841-001-01', grams: 100_000 },
      { wasteCode: '900-041-49', grams: 1 },
    ]);
    expect(plan.lines.map((l) => l.kind)).toEqual(['disposal', 'disposal', 'disposal']);
    expect(plan.completedAt).toBe('2026-06-06T00:00:00.000Z');
  });

  it('keeps utilisation and disposal apart: an R or C code needs a licence that utilises, a D or Y code one that disposes', () => {
    const disposes = ctx();
    const utilises = ctx({ licences: [licence(['utilise'], ['HW49', 'HW01'])] });
    expect(refusal({ lines: [line(2, 'R4', 1000)], residues: [] }, disposes)).toBe('LICENCE_MISSING');
    expect(refusal({ lines: [line(2, 'C1', 1000)], residues: [] }, disposes)).toBe('LICENCE_MISSING');
    expect(refusal({ lines: [line(2, 'D10', 1000)], residues: [] }, utilises)).toBe('LICENCE_MISSING');
    expect(refusal({ lines: [line(2, 'R4', 1000)], residues: [] }, utilises)).toBeUndefined();
    expect(first(planDisposal({ lines: [line(2, 'R4', 1000)], residues: [] }, utilises).lines).kind).toBe(
      'utilisation',
    );
  });

  it('needs the licence valid on the day of the treatment, verified, and covering the waste that arrived', () => {
    expect(
      refusal(
        { lines: [line(2, 'D10', 1)], residues: [] },
        ctx({ licences: [licence(['dispose'], ['HW49'], { validTo: '2026-06-04' })] }),
      ),
    ).toBe('LICENCE_MISSING');
    expect(
      refusal(
        { lines: [line(2, 'D10', 1)], residues: [] },
        ctx({ licences: [licence(['dispose'], ['HW49'], { status: 'revoked' })] }),
      ),
    ).toBe('LICENCE_MISSING');
    expect(
      refusal({ lines: [line(1, 'Y10', 1)], residues: [] }, ctx({ licences: [licence(['dispose'], ['HW49'])] })),
    ).toBe('LICENCE_MISSING');
    const swapped = ctx({
      manifest: {
        lines: [
          received(1, '900-041-49', 10, 0, {
            receipt: {
              receivedGrams: 10,
              rejectedGrams: 0,
              acceptedGrams: 10,
              containerCount: 1,
              actualWasteCode: '900-249-08',
            },
          }),
        ],
      },
    });
    expect(refusal({ lines: [line(1, 'D10', 1)], residues: [] }, swapped)).toBe('LICENCE_MISSING');
  });

  it('refuses more than a line has available, summed over the report (OVER_DISPOSAL)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 100_000 }),
        (parts, available) => {
          const c = ctx({ availableGrams: new Map([[1, available]]) });
          const total = parts.reduce((a, b) => a + b, 0);
          expect(refusal({ lines: parts.map((g) => line(1, 'Y10', g)), residues: [] }, c)).toBe(
            total > available ? 'OVER_DISPOSAL' : undefined,
          );
        },
      ),
    );
  });

  it('refuses unknown lines, completion in the future or before receipt, repeated or self-same residue codes (400), and unknown residue codes (422)', () => {
    expect(refusal({ lines: [line(3, 'D10', 1)], residues: [] })).toBe('VALIDATION_FAILED');
    expect(refusal({ lines: [line(2, 'D10', 1, '2026-06-11T00:00:00Z')], residues: [] })).toBe('VALIDATION_FAILED');
    expect(refusal({ lines: [line(2, 'D10', 1, '2026-05-31T00:00:00Z')], residues: [] })).toBe('VALIDATION_FAILED');
    const ash = { wasteCode: '772-003-18', grams: 5 };
    expect(refusal({ lines: [line(2, 'D10', 1)], residues: [ash, ash] })).toBe('VALIDATION_FAILED');
    expect(refusal({ lines: [line(2, 'D10', 1)], residues: [{ wasteCode: '900-041-49', grams: 5 }] })).toBe(
      'VALIDATION_FAILED',
    );
    expect(refusal({ lines: [line(2, 'D10', 1)], residues: [{ wasteCode: '999-999-18', grams: 5 }] })).toBe(
      'UNKNOWN_WASTE_CODE',
    );
    expect(refusal({ lines: [line(2, 'D10', 1)], residues: [ash] })).toBeUndefined();
  });
});

describe('completion', () => {
  const manifest = (lines: ManifestLine[], status: Manifest['status'] = 'received') => ({ id: 'M', status, lines });
  const onward = (
    id: string,
    status: Manifest['status'],
    portion: 'accepted' | 'rejected' = 'accepted',
  ): [string, OnwardFacts] => [
    id,
    {
      id,
      status,
      lines: [{ ...received(1, '900-041-49', 1), sources: [{ manifestId: 'M', lineNo: 1, grams: 1, portion }] }],
    },
  ];

  it('completes when every accepted gram is disposed or shipped on in received manifests; rejected grams do not count', () => {
    const m = manifest([received(1, '900-041-49', 10, 5), received(2, '900-041-49', 0, 7)]);
    expect(completionOf(m, [{ lineNo: 1, availableAcceptedGrams: 0 }], new Map())).toEqual({ complete: true });
    expect(completionOf(m, [{ lineNo: 1, availableAcceptedGrams: 1 }], new Map())).toMatchObject({
      complete: false,
      allAccountedFor: false,
    });
    expect(
      completionOf(manifest(m.lines, 'completed'), [{ lineNo: 1, availableAcceptedGrams: 0 }], new Map()).complete,
    ).toBe(false);
  });

  it('waits for onward manifests of accepted grams until custody has passed, not for replacements', () => {
    const m = manifest([received(1, '900-041-49', 10, 5)]);
    const balances = (ids: string[]) => [{ lineNo: 1, availableAcceptedGrams: 0, onwardManifestIds: new Set(ids) }];
    expect(
      completionOf(m, balances(['A', 'B']), new Map([onward('A', 'received'), onward('B', 'in_transit')])),
    ).toEqual({ complete: false, allAccountedFor: true, waitingFor: ['B'] });
    expect(completionOf(m, balances(['A', 'B']), new Map([onward('A', 'received'), onward('B', 'rejected')]))).toEqual({
      complete: true,
    });
    expect(completionOf(m, balances(['R']), new Map([onward('R', 'draft', 'rejected')]))).toEqual({ complete: true });
  });
});
