import { useMemo, useState } from 'react';
import type { IncidentChannel, IncidentPriority } from '@pantau/shared';
import { useCreateIncident, useIncidentCategories } from '../../../api/incidents.ts';
import { useCameraMarkers } from '../../../api/cameras.ts';
import { LANDMARKS } from './landmarks.ts';

export interface CallTakerState {
  channel: Extract<IncidentChannel, 'call_112' | 'cctv'>;
  phone: string;
  name: string;
  category: string | null;
  priority: IncidentPriority | null;
  place: string;
  lat: number | null;
  lng: number | null;
  address: string;
  notes: string;
}

const EMPTY: CallTakerState = { channel: 'call_112', phone: '', name: '', category: null, priority: null, place: '', lat: null, lng: null, address: '', notes: '' };

/** The 112 call-taker form: state, place search (landmarks and camera names), and submit. */
export function useCallTakerForm() {
  const [state, setState] = useState<CallTakerState>(EMPTY);
  const [touched, setTouched] = useState(false);
  const categories = useIncidentCategories();
  const cameras = useCameraMarkers({});
  const create = useCreateIncident();
  const set = <K extends keyof CallTakerState>(k: K, v: CallTakerState[K]) => setState((s) => ({ ...s, [k]: v }));

  const places = useMemo(() => {
    const all = [...LANDMARKS, ...(cameras.data ?? []).map((c) => ({ name: c.name, lat: c.lat, lng: c.lng }))];
    return [...new Map(all.map((p) => [p.name, p])).values()];
  }, [cameras.data]);

  const pickPlace = (name: string) => {
    const p = places.find((x) => x.name === name);
    setState((s) => ({ ...s, place: name, ...(p ? { lat: p.lat, lng: p.lng, address: s.address || p.name } : {}) }));
  };

  /** A category brings its default priority unless the call-taker chose one. */
  const pickCategory = (code: string | null) => setState((s) => ({ ...s, category: code, priority: s.priority ?? ((categories.data ?? []).find((c) => c.code === code)?.defaultPriority ?? null) }));

  const missing = { category: !state.category, location: state.lat === null || state.lng === null, notes: !state.notes.trim() };
  const valid = !missing.category && !missing.location && !missing.notes;

  const submit = async () => {
    setTouched(true);
    if (!valid) return null;
    const anonymous = !state.name.trim() && !state.phone.trim();
    return create.mutateAsync({
      channel: state.channel,
      category: state.category!,
      ...(state.priority ? { priority: state.priority } : {}),
      lat: state.lat!,
      lng: state.lng!,
      address: state.address.trim(),
      description: state.notes.trim(),
      reporter: anonymous ? null : { name: state.name.trim() || null, phone: state.phone.trim() || null, email: null, anonymous: false },
    });
  };

  return { state, set, pickPlace, pickCategory, places, categories, missing: touched ? missing : null, submit, create };
}
