// The local server's demo users (local/demo-data.ts), one sign-in button each; tests/unit/web-demo-users.test.ts
// keeps this list equal to the demo data.
export const DEMO_USERS: { sub: string; groups: ('enterprise' | 'regulator' | 'admin')[]; jurisdiction?: string }[] = [
  { sub: 'demo-generator', groups: ['enterprise'] },
  { sub: 'demo-clinic', groups: ['enterprise'] },
  { sub: 'demo-carrier', groups: ['enterprise'] },
  { sub: 'demo-disposer', groups: ['enterprise'] },
  { sub: 'demo-collector', groups: ['enterprise'] },
  { sub: 'demo-hebei-disposer', groups: ['enterprise'] },
  { sub: 'demo-regulator-shanxi', groups: ['regulator'], jurisdiction: '14' },
  // the receiving province of the demo's cross-province applications (local/demo-applications.ts)
  { sub: 'demo-regulator-hebei', groups: ['regulator'], jurisdiction: '13' },
];
