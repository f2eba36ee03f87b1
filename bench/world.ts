// The world the lifecycles run in, made once through the API as its users would: per worker a cast of its own
// (a Taiyuan generator with a plan and 100 t of HW49 on hand, a carrier with a transport licence, and a Lüliang
// receiver licensed to store and dispose of HW49), so concurrent lifecycles never contend for one stock or capacity
// item — as many independent enterprises would not. Then the lifecycle itself: six POSTs, one kilogram each.
import { localYear } from '#shared/domain/calendar.ts';
import { usccCheckCharacter, USCC_CHARSET } from '#shared/domain/uscc.ts';
import { enterprise, expectStatus, regulator, type Harness, type User } from './harness.ts';

export const WASTE_CODE = '900-041-49';
/** The receivers' city: the regulator list is asked for this division. */
export const RECEIVER_CITY = '1411';

export interface Member {
  user: User;
  id: string;
}

export interface Cast {
  generator: Member;
  carrier: Member;
  receiver: Member;
}

let serial = 0;

function uscc(divisionCode: string): string {
  let n = ++serial * 7919 + Math.floor(Math.random() * 1e9);
  let digits = '';
  for (let i = 0; i < 9; i++, n = Math.floor(n / 31)) digits = USCC_CHARSET[n % 31] + digits;
  const first17 = `91${divisionCode}${digits}`;
  return first17 + usccCheckCharacter(first17);
}

const provinceRegulator = (divisionCode: string) =>
  regulator(`bench-regulator-${divisionCode.slice(0, 2)}`, divisionCode.slice(0, 2));

async function member(
  h: Harness,
  sub: string,
  divisionCode: string,
  kinds: string[],
  licence?: Record<string, unknown>,
): Promise<Member> {
  const user = enterprise(sub);
  const body = {
    name: `基准单位${++serial}`,
    uscc: uscc(divisionCode),
    divisionCode,
    address: '测试路1号',
    kinds,
    contact: { name: '测试', phone: '0351-1234567' },
  };
  const party = expectStatus(await h.call(user, 'POST', '/v1/parties', body), 201, 'register party');
  expectStatus(
    await h.call(provinceRegulator(divisionCode), 'POST', `/v1/parties/${party.id}/approve`),
    200,
    'approve party',
  );
  if (licence) {
    const filed = expectStatus(
      await h.call(user, 'POST', `/v1/parties/${party.id}/licences`, {
        number: `BENCH-${++serial}`,
        type: 'hazardous-waste',
        validFrom: '2020-01-01',
        validTo: '2099-12-31',
        issuedBy: '山西省生态环境厅',
        ...licence,
      }),
      201,
      'file licence',
    );
    expectStatus(
      await h.call(provinceRegulator(divisionCode), 'POST', `/v1/parties/${party.id}/licences/${filed.id}/verify`),
      200,
      'verify licence',
    );
  }
  return { user, id: party.id };
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export async function makeCast(h: Harness, n: number): Promise<Cast> {
  const [generator, carrier, receiver] = await Promise.all([
    member(h, `bench-gen-${n}`, '140105', ['generator']),
    member(h, `bench-car-${n}`, '140105', ['transporter'], { type: 'transport', operations: [], wasteCodes: [] }),
    member(h, `bench-rec-${n}`, '141102', ['receiver'], {
      operations: ['collect', 'store', 'dispose'],
      wasteCodes: [{ code: 'HW49', annualCapacityKg: 1_000_000 }],
    }),
  ]);
  const year = localYear(new Date(), 'Asia/Shanghai');
  expectStatus(
    await h.call(generator.user, 'POST', `/v1/parties/${generator.id}/plans`, {
      year,
      items: [{ wasteCode: WASTE_CODE, expectedKg: 1_000_000 }],
    }),
    201,
    'plan',
  );
  expectStatus(
    await h.call(generator.user, 'POST', `/v1/parties/${generator.id}/ledger`, {
      wasteCode: WASTE_CODE,
      quantityKg: 100_000,
      at: ago(60),
    }),
    201,
    'ledger entry',
  );
  return { generator, carrier, receiver };
}

/** Casts for `count` workers, made a few at a time. */
export async function makeCasts(h: Harness, count: number): Promise<Cast[]> {
  const casts: Cast[] = [];
  for (let i = 0; i < count; i += 8)
    casts.push(...(await Promise.all(Array.from({ length: Math.min(8, count - i) }, (_, j) => makeCast(h, i + j)))));
  return casts;
}

/** The bench's manifest of a cast: one 1 kg drum of spent activated carbon. */
export const manifestBody = (c: Cast, plannedPickupAt: string) => ({
  generatorId: c.generator.id,
  transporterIds: [c.carrier.id],
  receiverId: c.receiver.id,
  lines: [
    {
      wasteCode: WASTE_CODE,
      name: '废活性炭',
      physicalForm: 'solid',
      hazards: ['T'],
      packaging: 'drum',
      containerCount: 1,
      quantityKg: 1,
    },
  ],
  plannedPickupAt,
});

export const LIFECYCLE_STEPS = ['create', 'dispatch', 'pickup', 'deliver', 'receive', 'dispose'] as const;

/** One manifest from draft to completed; returns its id. `onStep` sees each step's latency. */
export async function lifecycle(
  h: Harness,
  c: Cast,
  onStep?: (step: (typeof LIFECYCLE_STEPS)[number], ms: number) => void,
): Promise<string> {
  const timed = async (
    step: (typeof LIFECYCLE_STEPS)[number],
    user: User,
    path: string,
    body: unknown,
    status = 200,
  ) => {
    const t0 = performance.now();
    const reply = await h.call(user, 'POST', path, body);
    onStep?.(step, performance.now() - t0);
    return expectStatus(reply, status, step);
  };
  const draft = await timed('create', c.generator.user, '/v1/manifests', manifestBody(c, ago(-60)), 201);
  const m = `/v1/manifests/${draft.id}`;
  await timed('dispatch', c.generator.user, `${m}/dispatch`, undefined);
  await timed('pickup', c.carrier.user, `${m}/pickup`, {
    transporterId: c.carrier.id,
    vehiclePlate: '晋A12345',
    driverName: '张师傅',
  });
  await timed('deliver', c.carrier.user, `${m}/deliver`, { transporterId: c.carrier.id, deliveredAt: ago(0) });
  await timed('receive', c.receiver.user, `${m}/receive`, {
    receivedAt: ago(0),
    lines: [{ lineNo: 1, receivedKg: 1, containerCount: 1 }],
  });
  await timed(
    'dispose',
    c.receiver.user,
    `${m}/disposals`,
    { lines: [{ lineNo: 1, operationCode: 'D10', quantityKg: 1, completedAt: ago(0) }] },
    201,
  );
  return draft.id;
}
