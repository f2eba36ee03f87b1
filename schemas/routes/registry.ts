// The registry function's routes: me, catalogue, parties, members, licences (api.md).
import { createRoute } from '@hono/zod-openapi';
import * as z from '../zod.ts';
import { bearer, body, IdParam, json, pageOf, problems, Reason } from '../common.ts';
import {
  AddMemberBody,
  CreateLicenceBody,
  CreatePartyBody,
  Licence,
  LicenceParam,
  Me,
  Member,
  MemberParam,
  Party,
  PartyListQuery,
  PartyView,
  SupervisionBody,
} from '../party.ts';
import {
  DivisionEntry,
  DivisionParam,
  DivisionQuery,
  MedicalCategoryEntry,
  OperationEntry,
  WasteCodeEntry,
  WasteCodeParam,
  WasteCodeQuery,
} from '../catalogue.ts';

const tags = (t: string) => ({ tags: [t], security: bearer });

export const getMe = createRoute({
  method: 'get',
  path: '/v1/me',
  ...tags('Me'),
  summary: 'The caller: groups, jurisdiction and party memberships',
  responses: { 200: json(Me, 'The caller'), ...problems() },
});

export const listWasteCodes = createRoute({
  method: 'get',
  path: '/v1/catalogue/waste-codes',
  ...tags('Catalogue'),
  summary: 'Search the 2021 national catalogue',
  request: { query: WasteCodeQuery },
  responses: { 200: json(z.object({ items: z.array(WasteCodeEntry) }), 'Matching codes'), ...problems() },
});
export const getWasteCode = createRoute({
  method: 'get',
  path: '/v1/catalogue/waste-codes/{code}',
  ...tags('Catalogue'),
  summary: 'One catalogue entry',
  request: { params: WasteCodeParam },
  responses: { 200: json(WasteCodeEntry, 'The entry'), ...problems(404) },
});
export const listMedicalCategories = createRoute({
  method: 'get',
  path: '/v1/catalogue/medical-categories',
  ...tags('Catalogue'),
  summary: 'The five medical waste categories (HW01)',
  responses: { 200: json(z.object({ items: z.array(MedicalCategoryEntry) }), 'Categories'), ...problems() },
});
export const listOperations = createRoute({
  method: 'get',
  path: '/v1/catalogue/operations',
  ...tags('Catalogue'),
  summary: 'Utilisation (R, C) and disposal (D, Y) operation codes',
  responses: { 200: json(z.object({ items: z.array(OperationEntry) }), 'Operations'), ...problems() },
});
export const listDivisions = createRoute({
  method: 'get',
  path: '/v1/catalogue/divisions',
  ...tags('Catalogue'),
  summary: 'Children of a division (no parent: the provinces)',
  request: { query: DivisionQuery },
  responses: { 200: json(z.object({ items: z.array(DivisionEntry) }), 'Divisions'), ...problems(404) },
});
export const getDivision = createRoute({
  method: 'get',
  path: '/v1/catalogue/divisions/{code}',
  ...tags('Catalogue'),
  summary: 'One division',
  request: { params: DivisionParam },
  responses: { 200: json(DivisionEntry, 'The division'), ...problems(404) },
});

export const createParty = createRoute({
  method: 'post',
  path: '/v1/parties',
  ...tags('Parties'),
  summary: 'Register a party (pending until a regulator approves it)',
  request: body(CreatePartyBody),
  responses: { 201: json(Party, 'Registered; the caller is its first manager'), ...problems(403, 409, 413, 422) },
});
export const listParties = createRoute({
  method: 'get',
  path: '/v1/parties',
  ...tags('Parties'),
  summary:
    'Regulators: their jurisdiction, whole. Enterprises: the directory of active parties (public fields), their own whole',
  request: { query: PartyListQuery },
  responses: { 200: json(pageOf(PartyView, 'PartyPage'), 'A page of parties'), ...problems(403) },
});
export const getParty = createRoute({
  method: 'get',
  path: '/v1/parties/{id}',
  ...tags('Parties'),
  summary: 'A party: whole for members and covering regulators, public entry otherwise',
  request: { params: IdParam },
  responses: { 200: json(PartyView, 'The party'), ...problems(404) },
});

function partyAction(action: 'approve' | 'refuse' | 'suspend' | 'reinstate', withReason: boolean) {
  return createRoute({
    method: 'post',
    path: `/v1/parties/{id}/${action}`,
    ...tags('Parties'),
    summary: `${action} a party (a regulator covering its division)`,
    request: withReason ? { params: IdParam, ...body(Reason) } : { params: IdParam },
    responses: { 200: json(Party, 'The party after the action'), ...problems(403, 404, 409, 412) },
  });
}
export const approveParty = partyAction('approve', false);
export const refuseParty = partyAction('refuse', true);
export const suspendParty = partyAction('suspend', true);
export const reinstateParty = partyAction('reinstate', false);

export const putSupervision = createRoute({
  method: 'put',
  path: '/v1/parties/{id}/supervision',
  ...tags('Parties'),
  summary: 'Key supervised unit flag for a year (regulator)',
  request: { params: IdParam, ...body(SupervisionBody) },
  responses: { 200: json(Party, 'The party'), ...problems(403, 404, 412) },
});

export const addMember = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/members',
  ...tags('Members'),
  summary: 'Add a member (managers)',
  request: { params: IdParam, ...body(AddMemberBody) },
  responses: { 201: json(Member, 'Added'), ...problems(403, 404, 409) },
});
export const listMembers = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/members',
  ...tags('Members'),
  summary: 'Members (members and covering regulators)',
  request: { params: IdParam },
  responses: { 200: json(z.object({ items: z.array(Member) }), 'Members'), ...problems(404) },
});
export const removeMember = createRoute({
  method: 'delete',
  path: '/v1/parties/{id}/members/{sub}',
  ...tags('Members'),
  summary: 'Remove a member (managers; anyone may leave; not the last manager)',
  request: { params: MemberParam },
  responses: { 204: { description: 'Removed' }, ...problems(403, 404, 409) },
});

export const createLicence = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/licences',
  ...tags('Licences'),
  summary: 'File a licence (members); pending until verified',
  request: { params: IdParam, ...body(CreateLicenceBody) },
  responses: { 201: json(Licence, 'Filed'), ...problems(403, 404, 422) },
});
export const listLicences = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/licences',
  ...tags('Licences'),
  summary: "A party's licences (whoever sees the party)",
  request: { params: IdParam },
  responses: { 200: json(z.object({ items: z.array(Licence) }), 'Licences'), ...problems(404) },
});
export const verifyLicence = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/licences/{licenceId}/verify',
  ...tags('Licences'),
  summary: 'Verify a licence (covering regulator)',
  request: { params: LicenceParam },
  responses: { 200: json(Licence, 'Verified'), ...problems(403, 404, 409, 412) },
});
export const revokeLicence = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/licences/{licenceId}/revoke',
  ...tags('Licences'),
  summary: 'Revoke a licence (covering regulator)',
  request: { params: LicenceParam, ...body(Reason) },
  responses: { 200: json(Licence, 'Revoked'), ...problems(403, 404, 409, 412) },
});
