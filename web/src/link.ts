// The dashboard's state in its address, so that a link reproduces what the user sees: the
// scenario and every edit, kept in the query string as the user edits (history.replaceState)
// and read back on load. Rates and shares are in percent, as the page shows them:
//
//   ?scenario=us-tariffs-2025-11&rate.s232-steel=25&on.s232-lumber=0&tag.retaliation=0
//    &usmca=90&date=2025-12-01&baseline=world&importer=CAN&output=MEX
//
// A link is read against the scenario it names: anything that does not fit (an unknown measure,
// a rate out of range, a bad date) is left out and reported, never a reason not to open.
import { maxRatePercent, maxSharePercent, parsePercent } from './limits';
import type { MeasureSummary } from './api';

export interface Edits {
  rates: Record<string, number>;      // fractions
  measures: Record<string, boolean>;  // individual switches
  tags: Record<string, boolean>;      // tag switches
  usmcaShare: number | null;          // fraction; null = the data's
  date: string | null;                // YYYY-MM-DD; null = the scenario's
}

export function noEdits(): Edits {
  return { rates: {}, measures: {}, tags: {}, usmcaShare: null, date: null };
}

export interface View {
  scenario: string;
  baseline: string | null;   // null = the scenario's
  edits: Edits;
  importer: string | null;   // imports-by-partner picker
  output: string | null;     // sector-output picker
}

const percentText = (fraction: number) => String(Number((fraction * 100).toFixed(6)));

export function encodeView(view: View): string {
  const q = new URLSearchParams();
  q.set('scenario', view.scenario);
  if (view.baseline) q.set('baseline', view.baseline);
  if (view.edits.date) q.set('date', view.edits.date);
  for (const [id, rate] of Object.entries(view.edits.rates)) q.set(`rate.${id}`, percentText(rate));
  for (const [id, on] of Object.entries(view.edits.measures)) q.set(`on.${id}`, on ? '1' : '0');
  for (const [tag, on] of Object.entries(view.edits.tags)) q.set(`tag.${tag}`, on ? '1' : '0');
  if (view.edits.usmcaShare !== null) q.set('usmca', percentText(view.edits.usmcaShare));
  if (view.importer) q.set('importer', view.importer);
  if (view.output) q.set('output', view.output);
  return `?${q.toString()}`;
}

// A link's parts before they are checked against a scenario.
export interface Link {
  scenario: string | null;
  params: [string, string][];
}

export function readLink(search: string): Link {
  const q = new URLSearchParams(search);
  return { scenario: q.get('scenario'), params: [...q.entries()] };
}

export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

function flag(text: string): boolean | null {
  return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : null;
}

export interface Applied {
  view: View;
  notes: string[];  // what was left out of the link, and why
}

// Reads a link's edits for `scenario` (its measures and tags); `baselines` are those offered.
export function applyLink(link: Link, scenario: string, measures: MeasureSummary[],
                          baselines: string[]): Applied {
  const view: View = { scenario, baseline: null, edits: noEdits(), importer: null, output: null };
  const notes: string[] = [];
  const byId = new Map(measures.map((m) => [m.id, m]));
  const tags = new Set(measures.flatMap((m) => m.tags));
  const skip = (key: string, value: string, why: string) => notes.push(`${key}=${value}: ${why}`);
  for (const [key, value] of link.params) {
    const dot = key.indexOf('.');
    const kind = dot < 0 ? key : key.slice(0, dot);
    const name = dot < 0 ? '' : key.slice(dot + 1);
    switch (kind) {
      case 'scenario': break;
      case 'baseline':
        if (baselines.includes(value)) view.baseline = value;
        else skip(key, value, `no baseline of that name (offered: ${baselines.join(', ')})`);
        break;
      case 'date':
        if (isDate(value)) view.edits.date = value;
        else skip(key, value, 'not a date (YYYY-MM-DD)');
        break;
      case 'rate': {
        const m = byId.get(name);
        if (!m) { skip(key, value, `no measure '${name}' in ${scenario}`); break; }
        if (!m.rate_editable) { skip(key, value, 'this measure\'s rates come from the baseline'); break; }
        const parsed = parsePercent(value, maxRatePercent());
        if (!parsed.ok) skip(key, value, parsed.message.replace(/(; not solved)?\.$/, ''));
        // The rate as written is no edit (the page writes no key for it either).
        else if (parsed.percent / 100 !== m.rate) view.edits.rates[name] = parsed.percent / 100;
        break;
      }
      case 'on': {
        const on = flag(value);
        if (!byId.has(name)) skip(key, value, `no measure '${name}' in ${scenario}`);
        else if (on === null) skip(key, value, 'write 1 (on) or 0 (off)');
        else view.edits.measures[name] = on;
        break;
      }
      case 'tag': {
        const on = flag(value);
        if (!tags.has(name)) skip(key, value, `no tag '${name}' in ${scenario}`);
        else if (on === null) skip(key, value, 'write 1 (on) or 0 (off)');
        else view.edits.tags[name] = on;
        break;
      }
      case 'usmca': {
        const parsed = parsePercent(value, maxSharePercent(), 'share');
        if (parsed.ok) view.edits.usmcaShare = parsed.percent / 100;
        else skip(key, value, parsed.message.replace(/(; not solved)?\.$/, ''));
        break;
      }
      case 'importer': view.importer = value; break;   // checked against the answer's regions
      case 'output': view.output = value; break;
      default: skip(key, value, 'not a setting of this page');
    }
  }
  return { view, notes };
}
