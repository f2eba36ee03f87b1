// Regulator statistics (api.md, "stats"): per group, kilograms generated, dispatched, received, utilised, disposed
// and the utilisation/disposal rate.
import * as z from './zod.ts';
import { STATS_DIMENSIONS } from '../shared/domain/stats.ts';
import { DivisionFilter } from './oversight.ts';

const KgOut = z.number().openapi({ description: 'kilograms (exact: integer grams inside)' });

export const StatsQuery = z.object({
  division: DivisionFilter.optional(),
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .openapi({ description: 'default: this year (China Standard Time)' }),
  groupBy: z.enum(STATS_DIMENSIONS),
  category: z
    .string()
    .max(4)
    .regex(/^HW\d{2}$/, 'a waste category such as HW01')
    .optional()
    .openapi({ description: 'count only this category (HW01: medical waste)' }),
  perMonth: z.enum(['true', 'false']).optional().openapi({ description: 'one row per group and month' }),
});

export const StatsRow = z
  .object({
    group: z.string().openapi({ description: 'the waste code, month (YYYY-MM), party id or county code' }),
    name: z.string().optional().openapi({ description: 'the party, county or waste code description' }),
    month: z.string().optional().openapi({ description: 'with perMonth=true' }),
    generatedKg: KgOut,
    dispatchedKg: KgOut,
    receivedKg: KgOut,
    utilisedKg: KgOut,
    disposedKg: KgOut,
    rate: z
      .number()
      .nullable()
      .openapi({ description: '(utilised + disposed) / received, 4 decimals; null when nothing was received' }),
  })
  .openapi('StatsRow');

export const Stats = z
  .object({
    division: z.string().openapi({ description: '00 nationwide' }),
    year: z.number().int(),
    groupBy: z.enum(STATS_DIMENSIONS),
    category: z.string().nullable(),
    items: z.array(StatsRow),
  })
  .openapi('Stats');
