/** An address under the district and township it lies in, each named once: "海州区新浦街道通灌北路16号". */
export function fullAddress(places: (string | null | undefined)[], address: string | null | undefined): string {
  const street = address?.trim() ?? '';
  return [...places.filter((p): p is string => !!p && !street.includes(p)), street].join('') || '—';
}
