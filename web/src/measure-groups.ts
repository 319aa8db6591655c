// A scenario's measures grouped by the partner whose goods they tax, for the foldable lists of
// the dashboard. A 2025-style regime has 40–80 measures; one group per origin keeps them findable.
//
// Grouping: a measure with one origin country goes in that country's group; one with the origin
// group `ALL` in "All partners"; any other with several origins (`USMCA`, ["CAN", "MEX"], …) in
// "Several partners".
//
// Order: single-partner groups first, the partner whose goods the scenario as written taxes most
// first — the added duty at base-year volumes, Σ over the group's importers of the added tariff
// on goods at base-year weights × base-year goods imports, from the run-result document — then
// "Several partners",
// then "All partners". Cross-partner groups are not ranked by duty: their partners' added duty
// also counts the single-partner measures, so they would always come first.
import type { MeasureSummary, RunResult } from './api';

export const ALL_PARTNERS = '_all';
export const SEVERAL_PARTNERS = '_several';

export interface MeasureGroup {
  key: string;              // partner code, ALL_PARTNERS or SEVERAL_PARTNERS
  label: string;            // for people
  measures: MeasureSummary[];
  added_duty: number | null;  // money units at base-year volumes; null if not ranked
}

export function groupKey(m: MeasureSummary): string {
  if (m.origins.includes('ALL')) return ALL_PARTNERS;
  if (m.origins.length === 1 && m.origins[0] !== 'USMCA') return m.origins[0];
  return SEVERAL_PARTNERS;
}

// Added duty on `partner`'s goods for each importer in `importers`: the added tariff on goods at
// base-year weights × base-year goods imports (run-result effective_tariff). Null without a
// result to read it from.
function addedDuty(result: RunResult | null, partner: string, importers: Set<string>): number | null {
  if (!result) return null;
  let total = 0;
  for (const importer of importers) {
    const block = result.imports_by_partner?.find((m) => m.importer === importer);
    const duties = block?.partners.find((p) => p.exporter === partner)?.effective_tariff;
    if (!duties || duties.added_at_base_weights_pct === null) continue;
    total += (duties.added_at_base_weights_pct / 100) * duties.goods_imports_base;
  }
  return total;
}

// `result` is the solve of the scenario as written (or null when it failed): it only orders the
// groups. Ties keep the scenario's order.
export function groupMeasures(measures: MeasureSummary[], result: RunResult | null,
                              names: Map<string, string>): MeasureGroup[] {
  const byKey = new Map<string, MeasureGroup>();
  for (const m of measures) {
    const key = groupKey(m);
    let group = byKey.get(key);
    if (!group) {
      const label = key === ALL_PARTNERS ? 'All partners'
        : key === SEVERAL_PARTNERS ? 'Several partners' : names.get(key) ?? key;
      group = { key, label, measures: [], added_duty: null };
      byKey.set(key, group);
    }
    group.measures.push(m);
  }
  const groups = [...byKey.values()];
  for (const g of groups) {
    if (g.key === ALL_PARTNERS || g.key === SEVERAL_PARTNERS) continue;
    g.added_duty = addedDuty(result, g.key, new Set(g.measures.map((m) => m.importer)));
  }
  const rank = (g: MeasureGroup) => (g.key === ALL_PARTNERS ? 2 : g.key === SEVERAL_PARTNERS ? 1 : 0);
  return groups
    .map((g, index) => ({ g, index }))
    .sort((a, b) => rank(a.g) - rank(b.g) ||
                    (b.g.added_duty ?? 0) - (a.g.added_duty ?? 0) ||
                    a.index - b.index)
    .map(({ g }) => g);
}
