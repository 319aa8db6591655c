// A North American trade-flow picture: Canada above, the United States in the middle, Mexico
// below; an arrow per direction, as wide as the imports after the measures, coloured by their
// change.
import type { RunResult } from './api';
import { COUNTRY_NAMES, signedPercent } from './format';

const SVG = 'http://www.w3.org/2000/svg';
const POSITION: Record<string, [number, number]> = {
  CAN: [250, 50],
  USA: [95, 170],
  MEX: [265, 285],
};

function node<K extends keyof SVGElementTagNameMap>(
  name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function changeColor(change: number | null): string {
  if (change === null) return '#888';
  const strength = Math.min(1, Math.abs(change) / 30);
  // From grey (no change) to red (fall) or blue (rise).
  const [r, g, b] = change < 0 ? [192, 57, 43] : [43, 108, 176];
  const mix = (c: number) => Math.round(150 + (c - 150) * (0.35 + 0.65 * strength));
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

export function drawFlows(element: HTMLElement, result: RunResult): void {
  const codes = Object.keys(POSITION);
  const flows = result.bilateral.filter((r) => codes.includes(r.importer) && codes.includes(r.exporter));
  const largest = Math.max(...flows.map((f) => f.imports_new), 1e-9);
  const svg = node('svg', { viewBox: '0 0 420 340', width: '100%', role: 'img',
                            'aria-label': 'Trade flows among Canada, the United States and Mexico' });
  const defs = node('defs', {});
  svg.append(defs);

  flows.forEach((flow, index) => {
    const [x1, y1] = POSITION[flow.exporter];
    const [x2, y2] = POSITION[flow.importer];
    // Bend each direction to its own side so that the two arrows of a pair do not overlap.
    const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
    const dx = x2 - x1, dy = y2 - y1, length = Math.hypot(dx, dy);
    const bend = 34;
    const cx = mx + (-dy / length) * bend, cy = my + (dx / length) * bend;
    const shorten = 30 / length;
    const sx = x1 + dx * shorten, sy = y1 + dy * shorten;
    const ex = x2 - dx * shorten, ey = y2 - dy * shorten;
    const color = changeColor(flow.change_pct);
    const width = 1.5 + 10 * Math.sqrt(flow.imports_new / largest);
    const marker = node('marker', { id: `arrow-${index}`, viewBox: '0 0 10 10', refX: 6, refY: 5,
                                    markerWidth: 3.2, markerHeight: 3.2, orient: 'auto-start-reverse' });
    marker.append(node('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: color }));
    defs.append(marker);
    const path = node('path', {
      d: `M ${sx} ${sy} Q ${cx} ${cy} ${ex} ${ey}`, fill: 'none', stroke: color,
      'stroke-width': width, 'stroke-linecap': 'round', 'marker-end': `url(#arrow-${index})`,
      opacity: 0.85, class: 'flow', 'data-pair': `${flow.importer}<-${flow.exporter}`,
    });
    path.append(node('title', {}, `${COUNTRY_NAMES[flow.importer]} imports from ${COUNTRY_NAMES[flow.exporter]}: ` +
                                  `${flow.imports_new.toFixed(0)} ${result.baseline.money_unit_label} ` +
                                  `(${signedPercent(flow.change_pct)})`));
    svg.append(path);
    // The label sits on the curve's midpoint, pushed a little further out on its side.
    const lx = 0.25 * sx + 0.5 * cx + 0.25 * ex + (-dy / length) * 12;
    const ly = 0.25 * sy + 0.5 * cy + 0.25 * ey + (dx / length) * 12;
    svg.append(node('text', { x: lx, y: ly, 'text-anchor': 'middle', 'dominant-baseline': 'middle',
                              class: 'flow-label' }, signedPercent(flow.change_pct)));
  });

  for (const code of codes) {
    const [x, y] = POSITION[code];
    const welfare = result.countries[code]?.welfare_pct ?? null;
    svg.append(node('circle', { cx: x, cy: y, r: 27, class: 'country' }));
    svg.append(node('text', { x, y: y - 3, 'text-anchor': 'middle', class: 'country-code' }, code));
    svg.append(node('text', { x, y: y + 12, 'text-anchor': 'middle', class: 'country-welfare' },
                    signedPercent(welfare)));
  }
  const legend = node('text', { x: 8, y: 332, class: 'legend' },
                      'width: imports after the measures · colour: change (blue up, red down) · in circles: welfare');
  svg.append(legend);
  element.dataset.values = JSON.stringify(flows.map((f) => [f.importer, f.exporter, f.change_pct]));
  element.replaceChildren(svg);
}
