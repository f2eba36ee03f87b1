// The records function's routes: plans, the ledger, stock and cross-province approvals (api.md).
import { createRoute } from '@hono/zod-openapi';
import { bearer, body, IdParam, json, pageOf, problems, Reason } from '../common.ts';
import { Declaration, DeclarationParam } from '../declaration.ts';
import {
  Approval,
  ApprovalAmendment,
  ApprovalBody,
  ApprovalQuery,
  EntryParam,
  IdentificationBody,
  LedgerEntry,
  LedgerEntryBody,
  LedgerQuery,
  Plan,
  PlanBody,
  PlanHistory,
  PlanQuery,
  Stock,
} from '../records.ts';

const tags = (t: string) => ({ tags: [t], security: bearer });

export const filePlan = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/plans',
  ...tags('Plans'),
  summary: 'File the management plan of a year (members); filing again makes a new version that replaces the items',
  request: { params: IdParam, ...body(PlanBody) },
  responses: { 201: json(Plan, 'Filed, with its filing number'), ...problems(403, 404, 409, 412, 422) },
});
export const getPlans = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/plans',
  ...tags('Plans'),
  summary: 'The current plan of a year and its earlier versions (members and covering regulators)',
  request: { params: IdParam, query: PlanQuery },
  responses: { 200: json(PlanHistory, 'The plan'), ...problems(404) },
});

export const recordLedgerEntry = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/ledger',
  ...tags('Ledger'),
  summary: 'Record generation, self-utilisation or self-disposal (members); answers the batch code',
  request: { params: IdParam, ...body(LedgerEntryBody) },
  responses: { 201: json(LedgerEntry, 'Recorded'), ...problems(403, 404, 422) },
});
export const listLedger = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/ledger',
  ...tags('Ledger'),
  summary: 'The ledger, newest first by when it happened (members and covering regulators)',
  request: { params: IdParam, query: LedgerQuery },
  responses: { 200: json(pageOf(LedgerEntry, 'LedgerPage'), 'A page of entries'), ...problems(404) },
});
export const getLedgerEntry = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/ledger/{entryId}',
  ...tags('Ledger'),
  summary: 'One entry, with what manifests have drawn from it',
  request: { params: EntryParam },
  responses: { 200: json(LedgerEntry, 'The entry'), ...problems(404) },
});
export const voidLedgerEntry = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/ledger/{entryId}/void',
  ...tags('Ledger'),
  summary:
    'Void a mistaken entry while nothing of it has been dispatched (members); it is kept, marked and leaves stock',
  request: { params: EntryParam, ...body(Reason) },
  responses: { 200: json(LedgerEntry, 'Voided'), ...problems(403, 404, 409, 412, 422) },
});

export const identifyLedgerEntry = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/ledger/{entryId}/identification',
  ...tags('Ledger'),
  summary:
    'Record the identification result of an entry pending identification (members): hazardous makes a generated batch of its code with the same `at`, linked both ways; not-hazardous records the report and takes the kilograms out of the hazardous stock',
  request: { params: EntryParam, ...body(IdentificationBody) },
  responses: { 200: json(LedgerEntry, 'The pending entry, now identified'), ...problems(403, 404, 409, 412, 422) },
});

export const getStock = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/stock',
  ...tags('Ledger'),
  summary: 'Stock per waste code: generated + accepted + residue − dispatched − disposed − self-treated',
  request: { params: IdParam },
  responses: { 200: json(Stock, 'Stock'), ...problems(404) },
});

export const issueApproval = createRoute({
  method: 'post',
  path: '/v1/approvals',
  ...tags('Approvals'),
  summary: 'Issue a cross-province transfer approval (a regulator of the generator’s province)',
  request: body(ApprovalBody),
  responses: { 201: json(Approval, 'Issued'), ...problems(403, 404, 422) },
});
export const getApproval = createRoute({
  method: 'get',
  path: '/v1/approvals/{id}',
  ...tags('Approvals'),
  summary: 'An approval with the kilograms used per code (members of either party, regulators of either side)',
  request: { params: IdParam },
  responses: { 200: json(Approval, 'The approval'), ...problems(404) },
});
export const revokeApproval = createRoute({
  method: 'post',
  path: '/v1/approvals/{id}/revoke',
  ...tags('Approvals'),
  summary:
    'Revoke an approval (a regulator of its outbound province: jurisdiction the province or 00); manifests already dispatched continue, no more leave under it',
  request: { params: IdParam, ...body(Reason) },
  responses: { 200: json(Approval, 'Revoked'), ...problems(403, 404, 409, 412) },
});
export const amendApproval = createRoute({
  method: 'patch',
  path: '/v1/approvals/{id}',
  ...tags('Approvals'),
  summary:
    'Narrow an approval (a regulator of its outbound province): less kilograms, a shorter period; never below what was dispatched',
  request: { params: IdParam, ...body(ApprovalAmendment) },
  responses: { 200: json(Approval, 'Amended'), ...problems(400, 403, 404, 409, 412, 422) },
});
export const listApprovals = createRoute({
  method: 'get',
  path: '/v1/approvals',
  ...tags('Approvals'),
  summary:
    'Approvals of a generator (and receiver) or of a receiver, that the caller may read; or, for a regulator of a province, its approvals outbound and inbound (?province=)',
  request: { query: ApprovalQuery },
  responses: { 200: json(pageOf(Approval, 'ApprovalPage'), 'A page of approvals'), ...problems() },
});

export const getDeclaration = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/declarations/{period}',
  ...tags('Declarations'),
  summary:
    'The declaration of a period (2026-10, 2026-Q4, 2026), generated from the records: the submitted version while the records agree with it, else a draft (members and covering regulators)',
  request: { params: DeclarationParam },
  responses: { 200: json(Declaration, 'The declaration'), ...problems(404) },
});
export const submitDeclaration = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/declarations/{period}/submit',
  ...tags('Declarations'),
  summary:
    'Sign and submit the declaration as generated now (members, once the period is over); a later correction is a new version',
  request: { params: DeclarationParam },
  responses: { 200: json(Declaration, 'Submitted and signed'), ...problems(403, 404, 409, 412) },
});
