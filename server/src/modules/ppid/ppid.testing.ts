import type { PpidRequestInput } from '@pantau/shared';
import type { TestApp } from '../../testing/app.ts';

/** A valid public request; override what a test cares about. */
export const requestInput = (over: Partial<PpidRequestInput> = {}): PpidRequestInput => ({
  requesterKind: 'perorangan',
  name: 'Dewi Lestari',
  idNumber: '6271014404900001',
  address: 'Jl. Yos Sudarso 10, Palangka Raya',
  phone: '0812-5555-0101',
  email: 'dewi@contoh.id',
  information: 'Salinan SK penetapan lokasi CCTV 2025',
  purpose: 'Penelitian',
  deliveryMethod: 'email',
  copyFormat: 'softcopy',
  ...over,
});

/** Sets the test clock to a WIB wall time. */
export function setClock(t: TestApp, wib: string): void {
  t.clock.advance(new Date(`${wib}+07:00`).getTime() - t.clock.now().getTime());
}

/** Files a request through the public API and returns its receipt. */
export async function fileRequest(t: TestApp, over: Partial<PpidRequestInput> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/public/ppid/requests', payload: requestInput(over) });
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.body}`);
  return res.json() as { registrationNumber: string; trackingCode: string; receivedOn: string; dueOn: string };
}

/** The request id behind a registration number (tests only). */
export async function idOf(t: TestApp, registrationNumber: string): Promise<string> {
  return (await t.db.selectFrom('ppid_requests').select('id').where('registration_number', '=', registrationNumber).executeTakeFirstOrThrow()).id;
}
