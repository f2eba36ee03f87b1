// The navigation: which screens a party's kinds use (console.md: "showing those the user's role uses").
import type { Schemas } from '../lib/api.ts';

export type Kind = Schemas['CreateParty']['kinds'][number];

// Those who generate and dispatch waste: a medical institution is a generator of HW01, and a collector is the
// generator (移出人) of what it ships on (domain.md, parties). Each files a plan and declares.
const PRODUCERS: Kind[] = ['generator', 'medical', 'collector'];

// `regulator`: shown to regulators (who act for no party); the others are shown to members of a party of those kinds.
export const NAV: { to: string; name: string; for?: Kind[]; regulator?: boolean }[] = [
  { to: '/oversight', name: '监管', for: [], regulator: true },
  { to: '/', name: '工作台' },
  { to: '/ledger', name: '台账', for: [...PRODUCERS, 'receiver'] },
  { to: '/plans', name: '管理计划', for: PRODUCERS },
  { to: '/manifests', name: '转移联单' },
  { to: '/driver', name: '司机', for: ['transporter'] },
  { to: '/receipt', name: '接收', for: ['receiver', 'collector'] },
  { to: '/declarations', name: '申报', for: PRODUCERS },
  { to: '/applications', name: '跨省转移', for: PRODUCERS, regulator: true },
  { to: '/chain', name: '链条', regulator: true },
];

/** The screens shown: a party member's by the party's kinds, a regulator's (acting for no party) by `regulator`. */
export const navFor = (kinds: readonly Kind[], asParty: boolean) =>
  NAV.filter((n) => (asParty ? !n.for || n.for.some((k) => kinds.includes(k)) : n.regulator));
