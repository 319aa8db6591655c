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

// The one label of the effective tariff, as in the terminal table, the CSV, run.json's
// documentation and the HTML report (src/report/run_views.hpp): the scenario's additional duties
// on goods, at base-year weights and after trade shifts.
export const ADDED_TARIFF_LABEL = 'Added tariff on goods, %';
export const AFTER_SHIFTS_LABEL = 'after shifts';
export function baseWeightsLabel(baseline: { year?: number }): string {
  return baseline.year ? `at ${baseline.year} weights` : 'at base-year weights';
}

// Whole currency units with thousands separators ("3,530"); '—' when there is no value.
export function wholeUnits(value: number | null | undefined, signed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Math.round(Math.abs(value)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (digits === '0') return '0';
  return `${value < 0 ? '-' : signed ? '+' : ''}${digits}`;
}

export const NORTH_AMERICA = ['USA', 'CAN', 'MEX'] as const;

export const COUNTRY_NAMES: Record<string, string> = {
  USA: 'United States',
  CAN: 'Canada',
  MEX: 'Mexico',
  ROW: 'Rest of world',
};

// Money as the reports show it (docs/reports.md): US$ bn when the largest national income is at
// least US$ 10 billion, else US$ m. `perUnit` converts the baseline's money unit to it.
export interface MoneyDisplay {
  label: string;
  perUnit: number;
}

export function moneyDisplay(baseline: { currency: string; money_unit: number },
                             incomes: number[]): MoneyDisplay {
  const unit = baseline.money_unit;
  const largest = Math.max(0, ...incomes.map((income) => Math.abs(income * unit)));
  const prefix = !baseline.currency || baseline.currency === 'USD' ? 'US$' : baseline.currency;
  return largest >= 1e10 ? { label: `${prefix} bn`, perUnit: unit / 1e9 }
                         : { label: `${prefix} m`, perUnit: unit / 1e6 };
}

// Fixed decimals for table cells; '—' when there is no value.
export function fixed(value: number | null | undefined, digits: number, signed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = value.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);  // never "-0.00"
  return `${signed && value > 0 ? '+' : ''}${text}`;
}
