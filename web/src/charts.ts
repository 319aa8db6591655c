// The result charts (Observable Plot), redrawn from each solve's run-result document.
import * as Plot from '@observablehq/plot';

import type { RunResult } from './api';
import { AFTER_SHIFTS_LABEL, baseWeightsLabel, COUNTRY_NAMES, NORTH_AMERICA, signedPercent } from './format';

const UP = '#2b6cb0';
const DOWN = '#c0392b';
const WELFARE = '#1f5f99';
const REAL_WAGE = '#e08a2c';
const BAND = '#1d2733';

function widthOf(element: HTMLElement, fallback: number): number {
  return Math.max(280, Math.floor(element.clientWidth || fallback));
}

function signColor(value: number | null): string {
  return value !== null && value < 0 ? DOWN : UP;
}

// Value labels past the end of horizontal bars: right of rising bars, left of falling ones.
function signedLabels<T extends Record<string, unknown>>(rows: T[], y: keyof T & string,
                                                         x: keyof T & string, fontSize: number) {
  const value = (d: T) => d[x] as number | null;
  return [
    Plot.text(rows.filter((d) => (value(d) ?? 0) >= 0), {
      y, x, text: (d: T) => signedPercent(value(d)), textAnchor: 'start', dx: 4, fontSize,
    }),
    Plot.text(rows.filter((d) => (value(d) ?? 0) < 0), {
      y, x, text: (d: T) => signedPercent(value(d)), textAnchor: 'end', dx: -4, fontSize,
    }),
  ];
}

function place(element: HTMLElement, chart: Element, values: unknown): void {
  // Tests and people can read what a chart shows without parsing its SVG.
  element.dataset.values = JSON.stringify(values);
  element.replaceChildren(chart);
}

// With `bands` (an answer of POST /api/v1/draws for the same edits as `result`), each bar carries
// its band: a line from the 5th to the 95th percentile with a tick at the median.
export function drawWelfare(element: HTMLElement, result: RunResult, bands: RunResult | null = null): void {
  // Baseline order (the document's countries object is keyed alphabetically).
  const codes = result.baseline.regions.map((r) => r.code).filter((c) => c in result.countries);
  const names = new Map(result.baseline.regions.map((r) => [r.code, COUNTRY_NAMES[r.code] ?? r.name]));
  // Full names fit under the bars of a few countries; codes do for a world of them.
  const tick = (c: string) => (codes.length > 6 ? c : names.get(c) ?? c);
  const rows = codes.flatMap((code) => [
    { country: code, measure: 'Welfare', value: result.countries[code].welfare_pct },
    { country: code, measure: 'Real wage', value: result.countries[code].real_wage_pct },
  ]);
  const bandRows = bands === null ? [] : codes.flatMap((code) => {
    const b = bands.countries[code]?.bands;
    return b ? [
      { country: code, measure: 'Welfare', ...b.welfare_pct },
      { country: code, measure: 'Real wage', ...b.real_wage_pct },
    ] : [];
  });
  const bandOf = new Map(bandRows.map((b) => [`${b.country} ${b.measure}`, b]));
  const bandText = (country: string, measure: string) => {
    const b = bandOf.get(`${country} ${measure}`);
    return b ? ` (5th–95th percentile ${signedPercent(b.p05)} to ${signedPercent(b.p95)}, median ${signedPercent(b.p50)})` : '';
  };
  const chart = Plot.plot({
    width: widthOf(element, 720),
    height: 250,
    marginLeft: 56,
    marginTop: 24,
    fx: { label: null, domain: codes, tickFormat: tick },
    x: { axis: null, domain: ['Welfare', 'Real wage'], paddingOuter: 0.2 },
    y: { label: '% change', grid: true, tickFormat: (v: number) => `${v}%` },
    color: { domain: ['Welfare', 'Real wage'], range: [WELFARE, REAL_WAGE], legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.barY(rows, {
        fx: 'country', x: 'measure', y: 'value', fill: 'measure',
        title: (d: (typeof rows)[number]) => `${names.get(d.country) ?? d.country}, ${d.measure}: ${signedPercent(d.value)}${bandText(d.country, d.measure)}`,
      }),
      // The bands: rule and ticks in the ink colour, over the bars.
      Plot.ruleX(bandRows, { fx: 'country', x: 'measure', y1: 'p05', y2: 'p95', stroke: BAND, strokeWidth: 1.5,
                             className: 'band' }),
      Plot.tickY(bandRows, { fx: 'country', x: 'measure', y: 'p05', stroke: BAND, strokeWidth: 1.5, inset: 9, className: 'band' }),
      Plot.tickY(bandRows, { fx: 'country', x: 'measure', y: 'p95', stroke: BAND, strokeWidth: 1.5, inset: 9, className: 'band' }),
      Plot.dot(bandRows, { fx: 'country', x: 'measure', y: 'p50', r: 2.5, fill: BAND, className: 'band' }),
      // Labels above bars that rise and below bars that fall; with many countries the bars are
      // too narrow for them and the values are in each bar's tooltip.
      ...(codes.length > 6 ? [] : [rows.filter((r) => r.value >= 0), rows.filter((r) => r.value < 0)]).map((subset, k) =>
        Plot.text(subset, {
          fx: 'country', x: 'measure', y: 'value',
          text: (d: (typeof rows)[number]) => signedPercent(d.value),
          dy: k === 0 ? -8 : 8,
          fontSize: 11,
        })),
    ],
  });
  place(element, chart, rows.map((r) => [r.country, r.measure, Number(r.value.toFixed(6))]));
  // The bands drawn, [country, measure, p05, p50, p95]; absent when none are.
  if (bandRows.length) element.dataset.bands = JSON.stringify(bandRows.map((b) => [b.country, b.measure, b.p05, b.p50, b.p95]));
  else delete element.dataset.bands;
}

function northAmericanPairs(result: RunResult) {
  return result.bilateral
    .filter((r) => (NORTH_AMERICA as readonly string[]).includes(r.importer) &&
                   (NORTH_AMERICA as readonly string[]).includes(r.exporter))
    .map((r) => ({ ...r, pair: `${r.importer} ← ${r.exporter}` }));
}

export function drawBilateral(element: HTMLElement, result: RunResult): void {
  const rows = northAmericanPairs(result);
  const chart = Plot.plot({
    width: widthOf(element, 420),
    height: 220,
    marginLeft: 90,
    marginRight: 56,
    x: { label: '% change in imports', grid: true, insetLeft: 44, insetRight: 44 },
    y: { label: null, domain: rows.map((r) => r.pair) },
    marks: [
      Plot.ruleX([0]),
      Plot.barX(rows, {
        y: 'pair', x: 'change_pct', fill: (d: (typeof rows)[number]) => signColor(d.change_pct),
        title: (d: (typeof rows)[number]) => `${d.pair}: ${signedPercent(d.change_pct)}`,
      }),
      ...signedLabels(rows, 'pair', 'change_pct', 11),
    ],
  });
  place(element, chart, rows.map((r) => [r.pair, r.change_pct]));
}

// The effective tariff among the three (run-result imports_by_partner[].partners[].effective_tariff,
// the table's and the report's number): added duties on goods at base-year weights and after shifts.
export function drawTariffs(element: HTMLElement, result: RunResult): void {
  const three = NORTH_AMERICA as readonly string[];
  const atBase = baseWeightsLabel(result.baseline);
  const rows = (result.imports_by_partner ?? [])
    .filter((m) => three.includes(m.importer))
    .sort((a, b) => three.indexOf(a.importer) - three.indexOf(b.importer))
    .flatMap((m) => m.partners
      .filter((p) => three.includes(p.exporter))
      .sort((a, b) => three.indexOf(a.exporter) - three.indexOf(b.exporter))
      .flatMap((p) => [
        { pair: `${m.importer} ← ${p.exporter}`, when: atBase, value: p.effective_tariff?.added_at_base_weights_pct ?? 0 },
        { pair: `${m.importer} ← ${p.exporter}`, when: AFTER_SHIFTS_LABEL, value: p.effective_tariff?.added_after_shifts_pct ?? 0 },
      ]));
  const chart = Plot.plot({
    width: widthOf(element, 420),
    height: 260,
    marginLeft: 90,
    marginRight: 48,
    x: { label: 'added tariff on goods, %', grid: true },
    fy: { label: null, domain: [...new Set(rows.map((r) => r.pair))] },
    y: { axis: null, domain: [atBase, AFTER_SHIFTS_LABEL] },
    color: { domain: [atBase, AFTER_SHIFTS_LABEL], range: ['#7a3e9d', '#c3a3d6'], legend: true },
    marks: [
      Plot.ruleX([0]),
      Plot.barX(rows, { fy: 'pair', y: 'when', x: 'value', fill: 'when',
                        title: (d: (typeof rows)[number]) => `${d.pair} ${d.when}: ${d.value.toFixed(2)}%` }),
      Plot.text(rows, {
        fy: 'pair', y: 'when', x: 'value', text: (d: (typeof rows)[number]) => `${d.value.toFixed(1)}%`,
        textAnchor: 'start', dx: 4, fontSize: 10,
      }),
    ],
  });
  place(element, chart, rows.map((r) => [r.pair, r.when, r.value]));
}

export function drawSectors(element: HTMLElement, result: RunResult, country: string): void {
  const names = new Map(result.baseline.sectors.map((s) => [s.code, s.name]));
  const rows = result.sectors
    .filter((r) => r.region === country && r.output_pct !== null)
    .sort((a, b) => Math.abs(b.output_pct ?? 0) - Math.abs(a.output_pct ?? 0))
    .slice(0, 14)
    .map((r) => ({ ...r, label: names.get(r.sector) ?? r.sector }));
  const chart = Plot.plot({
    width: widthOf(element, 420),
    height: 40 + rows.length * 18,
    marginLeft: 170,
    marginRight: 56,
    x: { label: '% change in gross output (14 largest changes)', grid: true, insetLeft: 44, insetRight: 44 },
    y: { label: null, domain: rows.map((r) => r.label),
         tickFormat: (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s) },
    marks: [
      Plot.ruleX([0]),
      Plot.barX(rows, {
        y: 'label', x: 'output_pct', fill: (d: (typeof rows)[number]) => signColor(d.output_pct),
        title: (d: (typeof rows)[number]) => `${d.label}: ${signedPercent(d.output_pct)}`,
      }),
      ...signedLabels(rows, 'label', 'output_pct', 10),
    ],
  });
  place(element, chart, rows.map((r) => [r.sector, r.output_pct]));
}
