// The dashboard's tables as CSV files: one row per country (the welfare chart's numbers and the
// rest of each country's outcomes) and one row per partner of the chosen importer (the imports-by-
// partner table). Full precision, units in the column names (_pct: percent change or percent,
// _pp: percentage points, money in the baseline's unit; welfare_per_household in currency units
// per household a year), an empty cell where there is no value. average_tariff_* and tariff_*_pct
// are applied rates on all imports incl. services; the effective tariff is added_tariff_goods_*.
import type { RunResult } from './api';

type Cell = string | number | null | undefined;

function field(value: Cell): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

// "US$ million" → "usd_million": the money unit as a column-name suffix.
export function moneySuffix(result: RunResult): string {
  const label = result.baseline.money_unit_label || `${result.baseline.currency} x ${result.baseline.money_unit}`;
  return label.replace(/US\$/g, 'usd').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

export function countriesHeader(result: RunResult): string[] {
  return ['country', 'name', 'welfare_pct', 'real_wage_pct', 'price_index_pct', 'exports_pct', 'imports_pct',
          'average_tariff_base_pct', 'average_tariff_new_pct', `income_base_${moneySuffix(result)}`,
          'added_tariff_goods_at_base_weights_pct', 'added_tariff_goods_after_shifts_pct',
          `welfare_money_${moneySuffix(result)}`, 'welfare_per_household'];
}

// Every region of the baseline, in its order.
export function countriesCsv(result: RunResult): string {
  const rows = result.baseline.regions.filter((r) => r.code in result.countries).map((r) => {
    const c = result.countries[r.code];
    return [r.code, c.name || r.name, c.welfare_pct, c.real_wage_pct, c.price_index_pct, c.exports_pct,
            c.imports_pct, c.average_tariff_base_pct, c.average_tariff_new_pct, c.income_base,
            c.effective_tariff?.added_at_base_weights_pct, c.effective_tariff?.added_after_shifts_pct,
            c.welfare_money, c.welfare_per_household];
  });
  return csv(countriesHeader(result), rows);
}

export function importsHeader(result: RunResult): string[] {
  const money = moneySuffix(result);
  return ['importer', 'partner', 'partner_name', `imports_base_${money}`, `imports_new_${money}`, 'imports_change_pct',
          'share_base_pct', 'share_new_pct', 'share_change_pp', 'tariff_base_pct', 'tariff_new_pct',
          'added_tariff_goods_at_base_weights_pct', 'added_tariff_goods_after_shifts_pct'];
}

// One row per partner of `importer`, largest gain in share first (as the table); null when the
// answer has no imports by partner for it.
export function importsCsv(result: RunResult, importer: string): string | null {
  const block = result.imports_by_partner?.find((m) => m.importer === importer);
  if (!block) return null;
  const names = new Map(result.baseline.regions.map((r) => [r.code, r.name]));
  const rows = block.partners.map((p) => [
    importer, p.exporter, names.get(p.exporter) ?? p.exporter, p.imports_base, p.imports_new, p.change_pct,
    p.share_base_pct, p.share_new_pct, p.share_change_pp, p.tariff_base_pct, p.tariff_new_pct,
    p.effective_tariff?.added_at_base_weights_pct, p.effective_tariff?.added_after_shifts_pct,
  ]);
  return csv(importsHeader(result), rows);
}

// Hands a file to the browser's download; nothing leaves the machine.
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by the time the click returns; free ours a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}
