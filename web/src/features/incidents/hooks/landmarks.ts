/**
 * Landmarks of Palangka Raya a caller names instead of an address (the command center's usual
 * reference points). Camera names from the registry are searched as well.
 */
export const LANDMARKS: { name: string; lat: number; lng: number }[] = [
  { name: 'Bundaran Besar', lat: -2.2096, lng: 113.9137 },
  { name: 'Bundaran Kecil', lat: -2.2047, lng: 113.9201 },
  { name: 'Pasar Besar', lat: -2.2051, lng: 113.9183 },
  { name: 'Pasar Kahayan', lat: -2.2187, lng: 113.9305 },
  { name: 'Kantor Gubernur Kalimantan Tengah', lat: -2.2075, lng: 113.9165 },
  { name: 'Bandara Tjilik Riwut', lat: -2.2249, lng: 113.9425 },
  { name: 'RSUD dr. Doris Sylvanus', lat: -2.2074, lng: 113.9059 },
  { name: 'Jembatan Kahayan', lat: -2.1997, lng: 113.9318 },
  { name: 'Universitas Palangka Raya', lat: -2.2212, lng: 113.8985 },
  { name: 'Taman Kota Palangka Raya', lat: -2.2106, lng: 113.9139 },
];
