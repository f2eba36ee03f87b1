// Reference data served from memory (api.md, "Health, me, reference data").
import * as z from './zod.ts';

export const Hazard = z.enum(['T', 'C', 'I', 'R', 'In']);
export const WasteCodeEntry = z
  .object({
    code: z.string(),
    category: z.string(),
    categoryName: z.string(),
    industry: z.string(),
    description: z.string(),
    hazards: z.array(Hazard),
  })
  .openapi('WasteCode');
export const WasteCodeQuery = z.object({
  q: z.string().max(100).optional(),
  category: z
    .string()
    .max(4)
    .regex(/^HW\d{2}$/, 'a category HWnn')
    .optional(),
});
export const WasteCodeParam = z.object({
  code: z
    .string()
    .max(20)
    .openapi({ param: { name: 'code', in: 'path' }, example: '900-041-49' }),
});
export const MedicalCategoryEntry = z
  .object({
    category: z.enum(['infectious', 'sharps', 'pathological', 'chemical', 'pharmaceutical']),
    code: z.string(),
    description: z.string(),
  })
  .openapi('MedicalCategory');
export const OperationEntry = z
  .object({ code: z.string(), kind: z.enum(['utilisation', 'disposal']), name: z.string(), nameEn: z.string() })
  .openapi('Operation');
export const DivisionEntry = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['province', 'city', 'county']),
    parent: z.string().nullable(),
  })
  .openapi('Division');
export const DivisionParam = z.object({
  code: z
    .string()
    .max(12)
    .openapi({ param: { name: 'code', in: 'path' }, example: '1411' }),
});
export const DivisionQuery = z.object({
  parent: z
    .string()
    .regex(/^(\d{2}|\d{4})$/, { message: 'a 2- or 4-digit division code', abort: true })
    .max(4)
    .optional(),
});
export const Health = z.object({ status: z.literal('ok'), version: z.string() }).openapi('Health');
