// Trade diversion: one importer's imports by partner before and after, from the run-result
// document's `imports_by_partner` (the same numbers as the report's table and chart): diverging
// bars of the change in each partner's share, and the table behind them.
import * as Plot from '@observablehq/plot';

import type { ImportsByPartner, PartnerImports, RunResult } from './api';
import { ADDED_TARIFF_LABEL, AFTER_SHIFTS_LABEL, baseWeightsLabel, fixed, moneyDisplay } from './format';

const GAIN = '#2b6cb0';
const LOSS = '#c0392b';

// The importers the picker offers, in baseline order; the US first when present.
export function importersOf(result: RunResult): string[] {
  const codes = (result.imports_by_partner ?? []).map((m) => m.importer);
  return codes.includes('USA') ? ['USA', ...codes.filter((c) => c !== 'USA')] : codes;
}

function chart(element: HTMLElement, importer: ImportsByPartner, names: Map<string, string>): void {
  const rows = importer.partners.map((p) => ({ ...p, change: p.share_change_pp ?? 0 }));
  const tip = (d: PartnerImports) =>
    `${names.get(d.exporter) ?? d.exporter}: ${fixed(d.share_base_pct, 2)}% → ${fixed(d.share_new_pct, 2)}% ` +
    `of ${importer.importer}'s imports (${fixed(d.share_change_pp, 2, true)} points)`;
  const plot = Plot.plot({
    width: Math.max(280, Math.min(640, Math.floor(element.clientWidth || 560))),
    height: 40 + rows.length * 22,
    marginLeft: 52,
    marginRight: 52,
    x: { label: `change in share of ${importer.importer}'s imports, points`, grid: true, insetLeft: 48, insetRight: 48 },
    y: { label: null, domain: rows.map((r) => r.exporter) },
    marks: [
      Plot.barX(rows, { y: 'exporter', x: 'change', fill: (d: (typeof rows)[number]) => (d.change < 0 ? LOSS : GAIN),
                        title: tip }),
      Plot.ruleX([0]),
      Plot.text(rows.filter((r) => r.change >= 0), {
        y: 'exporter', x: 'change', text: (d: (typeof rows)[number]) => fixed(d.change, 2, true),
        textAnchor: 'start', dx: 4, fontSize: 10,
      }),
      Plot.text(rows.filter((r) => r.change < 0), {
        y: 'exporter', x: 'change', text: (d: (typeof rows)[number]) => fixed(d.change, 2, true),
        textAnchor: 'end', dx: -4, fontSize: 10,
      }),
    ],
  });
  element.dataset.values = JSON.stringify(rows.map((r) => [r.exporter, r.share_change_pp]));
  element.replaceChildren(plot);
}

function cell(tag: 'td' | 'th', text: string, numeric: boolean): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (numeric) element.className = 'num';
  return element;
}

function table(element: HTMLElement, importer: ImportsByPartner, result: RunResult,
               names: Map<string, string>): void {
  const money = moneyDisplay(result.baseline, Object.values(result.countries).map((c) => c.income_base));
  const amount = (v: number) => fixed(v * money.perUnit, 1);
  const head = ['Partner', `${money.label} before`, 'after', 'change %', 'Share % before', 'after',
                'change, points', `${ADDED_TARIFF_LABEL}: ${baseWeightsLabel(result.baseline)}`,
                AFTER_SHIFTS_LABEL];
  const thead = document.createElement('thead');
  const headRow = document.createElement('tr');
  head.forEach((h, k) => headRow.append(cell('th', h, k > 0)));
  thead.append(headRow);
  const tbody = document.createElement('tbody');
  for (const p of importer.partners) {
    const row = document.createElement('tr');
    row.dataset.partner = p.exporter;
    row.classList.add(p.share_change_pp !== null && p.share_change_pp < 0 ? 'loses' : 'gains');
    const name = cell('td', p.exporter, false);
    name.title = names.get(p.exporter) ?? p.exporter;
    row.append(name, cell('td', amount(p.imports_base), true), cell('td', amount(p.imports_new), true),
               cell('td', fixed(p.change_pct, 2, true), true), cell('td', fixed(p.share_base_pct, 2), true),
               cell('td', fixed(p.share_new_pct, 2), true), cell('td', fixed(p.share_change_pp, 2, true), true),
               cell('td', fixed(p.effective_tariff?.added_at_base_weights_pct, 2), true),
               cell('td', fixed(p.effective_tariff?.added_after_shifts_pct, 2), true));
    tbody.append(row);
  }
  const total = document.createElement('tr');
  total.className = 'total';
  const country = result.countries[importer.importer];
  total.append(cell('td', 'All partners', false), cell('td', amount(importer.imports_base), true),
               cell('td', amount(importer.imports_new), true), cell('td', fixed(importer.imports_pct, 2, true), true),
               cell('td', fixed(importer.imports_base > 0 ? 100 : null, 2), true),
               cell('td', fixed(importer.imports_new > 0 ? 100 : null, 2), true),
               cell('td', fixed(importer.imports_base > 0 && importer.imports_new > 0 ? 0 : null, 2), true),
               cell('td', fixed(country?.effective_tariff?.added_at_base_weights_pct, 2), true),
               cell('td', fixed(country?.effective_tariff?.added_after_shifts_pct, 2), true));
  tbody.append(total);
  const t = document.createElement('table');
  t.className = 'data';
  t.append(thead, tbody);
  element.replaceChildren(t);
}

// Draws the chart and the table for `code`; says so in the chart's place when the answer has no
// imports by partner (a server older than the field) or not for that importer.
export function drawDiversion(chartElement: HTMLElement, tableElement: HTMLElement,
                              result: RunResult, code: string): void {
  const importer = result.imports_by_partner?.find((m) => m.importer === code);
  if (!importer) {
    const note = document.createElement('p');
    note.className = 'hint';
    note.textContent = result.imports_by_partner
      ? `No imports by partner for ${code} in this answer.`
      : 'This server does not send imports by partner (run-result field imports_by_partner).';
    chartElement.dataset.values = '[]';
    chartElement.replaceChildren(note);
    tableElement.replaceChildren();
    return;
  }
  const names = new Map(result.baseline.regions.map((r) => [r.code, r.name]));
  chart(chartElement, importer, names);
  table(tableElement, importer, result, names);
}
