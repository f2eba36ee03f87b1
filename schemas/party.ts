// Parties of the waste chain, their members and licences (api.md, "Parties").
import * as z from './zod.ts';
import { isValidUscc } from '../shared/domain/uscc.ts';
import { DivisionCode, Id, Instant, LocalDate, LongText, PageQuery, ShortText } from './common.ts';

export const PartyKind = z.enum(['generator', 'transporter', 'receiver', 'collector', 'medical']);
export const PartyStatus = z.enum(['pending', 'active', 'refused', 'suspended']);
export const MemberRole = z.enum(['manager', 'operator']);

export const Uscc = z
  .string()
  .max(18)
  .refine(isValidUscc, 'not a valid unified social credit code (GB 32100-2015 check character)')
  .openapi({ description: '18-character unified social credit code', example: '91140100MA0GRX123G' });

export const Contact = z.strictObject({
  name: ShortText,
  phone: z
    .string()
    .max(30)
    .regex(/^[0-9+\-() ]{5,30}$/, 'a phone number'),
});

export const CreatePartyBody = z
  .strictObject({
    name: ShortText,
    uscc: Uscc,
    divisionCode: DivisionCode,
    address: LongText,
    kinds: z
      .array(PartyKind)
      .min(1)
      .max(5)
      .refine((k) => new Set(k).size === k.length, 'kinds must not repeat'),
    contact: Contact,
  })
  .openapi('CreateParty');

export const Party = z
  .object({
    id: Id,
    name: z.string(),
    uscc: z.string(),
    divisionCode: z.string(),
    address: z.string(),
    kinds: z.array(PartyKind),
    contact: Contact,
    status: PartyStatus,
    statusReason: z.string().optional(),
    keyUnitYears: z
      .array(z.number().int())
      .openapi({ description: 'years the party is on the key supervised unit list (重点监管单位)' }),
    location: z
      .object({ lat: z.number(), lon: z.number() })
      .optional()
      .openapi({ description: "the site's WGS-84 coordinates (PUT …/location)" }),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .openapi('Party');

export const PublicParty = z
  .object({ id: Id, name: z.string(), kinds: z.array(PartyKind), divisionCode: z.string(), status: PartyStatus })
  .openapi('PublicParty', { description: 'the public directory entry of an active party' });

export const PartyView = z.union([Party, PublicParty]).openapi('PartyView');

export const PartyListQuery = z.object({
  kind: PartyKind.optional(),
  status: PartyStatus.optional(),
  divisionCode: z
    .string()
    .max(6)
    .regex(/^(\d{2}|\d{4}|\d{6})$/, 'a 2-, 4- or 6-digit division prefix')
    .optional(),
  q: z.string().max(100).optional(),
  ...PageQuery,
});

export const SupervisionBody = z
  .strictObject({ keyUnit: z.boolean(), year: z.number().int().min(2000).max(2100) })
  .openapi('Supervision');

/** An identity-provider user id: printable, no control characters. */
const Sub = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters');

export const AddMemberBody = z.strictObject({ sub: Sub, role: MemberRole }).openapi('AddMember');
export const Member = z
  .object({ partyId: Id, sub: z.string(), role: MemberRole, addedBy: z.string(), addedAt: Instant })
  .openapi('Member');
export const MemberParam = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' } }),
  sub: Sub.openapi({ param: { name: 'sub', in: 'path' } }),
});

export const LicenceType = z.enum(['hazardous-waste', 'hazardous-waste-collection', 'medical-waste', 'transport']);
export const LicenceOperation = z.enum(['collect', 'store', 'utilise', 'dispose']);
export const LicenceStatus = z.enum(['pending', 'verified', 'revoked']);
export const LicenceWasteCode = z.strictObject({
  code: z
    .string()
    .max(10)
    .regex(/^(\d{3}-\d{3}-\d{2}|HW\d{2})$/, 'a waste code NNN-NNN-NN or a category HWnn'),
  annualCapacityKg: z
    .number()
    .positive()
    .max(1e10)
    .refine((n) => Number.isInteger(n * 1000), 'at most 3 decimals'),
});

export const CreateLicenceBody = z
  .strictObject({
    number: ShortText,
    type: LicenceType,
    operations: z.array(LicenceOperation).max(4),
    wasteCodes: z.array(LicenceWasteCode).max(500),
    validFrom: LocalDate,
    validTo: LocalDate,
    issuedBy: ShortText,
  })
  .superRefine((l, ctx) => {
    if (l.validTo < l.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' });
    if (l.type === 'transport' && l.operations.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['operations'], message: 'a transport licence lists no operations' });
    }
    if (l.type !== 'transport' && l.operations.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['operations'], message: 'a waste licence lists at least one operation' });
    }
    if (l.type !== 'transport' && l.wasteCodes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['wasteCodes'], message: 'a waste licence covers at least one code' });
    }
    if (new Set(l.operations).size !== l.operations.length) {
      ctx.addIssue({ code: 'custom', path: ['operations'], message: 'operations must not repeat' });
    }
  })
  .openapi('CreateLicence');

export const Licence = z
  .object({
    id: Id,
    partyId: Id,
    number: z.string(),
    type: LicenceType,
    operations: z.array(LicenceOperation),
    wasteCodes: z.array(z.object({ code: z.string(), annualCapacityKg: z.number() })),
    validFrom: LocalDate,
    validTo: LocalDate,
    issuedBy: z.string(),
    status: LicenceStatus,
    revokedReason: z.string().optional(),
    verifiedBy: z.string().optional(),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .openapi('Licence');

export const LicenceParam = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' } }),
  licenceId: Id.openapi({ param: { name: 'licenceId', in: 'path' } }),
});

export const Me = z
  .object({
    sub: z.string(),
    groups: z.array(z.enum(['enterprise', 'regulator', 'admin'])),
    jurisdiction: z.string().optional(),
    memberships: z.array(z.object({ partyId: Id, name: z.string(), role: MemberRole })),
  })
  .openapi('Me');

export type CreatePartyInput = z.infer<typeof CreatePartyBody>;
export type CreateLicenceInput = z.infer<typeof CreateLicenceBody>;
