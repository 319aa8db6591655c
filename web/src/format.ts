// Numbers for people: signed percentages with enough digits for small welfare changes.

export function signedPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Math.abs(value) < 0.1 ? 3 : Math.abs(value) < 10 ? 2 : 1;
  const text = value.toFixed(digits);
  return `${value > 0 ? '+' : ''}${text}%`;
}

export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(digits)}%`;
}

export const NORTH_AMERICA = ['USA', 'CAN', 'MEX'] as const;

export const COUNTRY_NAMES: Record<string, string> = {
  USA: 'United States',
  CAN: 'Canada',
  MEX: 'Mexico',
  ROW: 'Rest of world',
};
