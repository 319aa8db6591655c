// The dashboard: pick a baseline and a scenario, edit its measures, and every edit re-solves the
// model through POST /api/v1/solve (debounced; a newer edit cancels the request in flight).
import './style.css';

import {
  ApiError, getJson, solve,
  type BaselineSummary, type MeasureSummary, type RunResult, type ScenarioDetail,
  type ScenarioSummary, type SolveRequest,
} from './api';
import { drawBilateral, drawSectors, drawTariffs, drawWelfare } from './charts';
import { drawDiversion, importersOf } from './diversion';
import { drawFlows } from './flows';
import { COUNTRY_NAMES, percent } from './format';
import { groupMeasures } from './measure-groups';

const DEBOUNCE_MS = 120;

interface Edits {
  rates: Record<string, number>;      // fractions
  measures: Record<string, boolean>;  // individual switches
  tags: Record<string, boolean>;      // tag switches
  usmcaShare: number | null;          // fraction
}

const state = {
  scenario: null as ScenarioDetail | null,
  edits: { rates: {}, measures: {}, tags: {}, usmcaShare: null } as Edits,
  result: null as RunResult | null,
  inFlight: null as AbortController | null,
  timer: 0,
  solves: 0,
  // The solve of the scenario as written, which orders the measure groups (null if it failed).
  ranking: null as RunResult | null,
  openGroups: new Set<string>(),  // measure groups unfolded, by key
  loads: 0,                       // scenario loads begun, to drop a superseded one
};

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

const ui = {
  baseline: byId<HTMLSelectElement>('baseline'),
  scenario: byId<HTMLSelectElement>('scenario'),
  reset: byId<HTMLButtonElement>('reset'),
  status: byId('status'),
  message: byId('message'),
  tags: byId('tags'),
  measures: byId('measures'),
  scenarioTitle: byId('scenario-title'),
  usmcaOverride: byId<HTMLInputElement>('usmca-override'),
  usmcaShare: byId<HTMLInputElement>('usmca-share'),
  usmcaShareNumber: byId<HTMLInputElement>('usmca-share-number'),
  focus: byId<HTMLSelectElement>('focus'),
  importer: byId<HTMLSelectElement>('importer'),
};

function setStatus(text: string, kind: 'busy' | 'ok' | 'error'): void {
  ui.status.textContent = text;
  ui.status.dataset.kind = kind;
  document.body.dataset.state = kind;
}

function showMessage(text: string | null): void {
  ui.message.hidden = text === null;
  ui.message.textContent = text ?? '';
}

// Whether a measure is on: its own switch, else a tag switch, else as the scenario says.
function measureEnabled(m: MeasureSummary): boolean {
  if (m.id in state.edits.measures) return state.edits.measures[m.id];
  for (const tag of m.tags) if (tag in state.edits.tags) return state.edits.tags[tag];
  return m.enabled;
}

function request(): SolveRequest {
  const s = state.scenario!;
  const body: SolveRequest = {
    scenario: s.name,
    baseline: ui.baseline.value,
    bilateral_sector: false,
    elasticity_flags: false,
  };
  if (Object.keys(state.edits.rates).length) body.rates = state.edits.rates;
  if (Object.keys(state.edits.tags).length) body.tags = state.edits.tags;
  if (Object.keys(state.edits.measures).length) body.measures = state.edits.measures;
  if (state.edits.usmcaShare !== null) body.usmca_share = state.edits.usmcaShare;
  return body;
}

function scheduleSolve(): void {
  window.clearTimeout(state.timer);
  state.timer = window.setTimeout(runSolve, DEBOUNCE_MS);
}

async function runSolve(): Promise<void> {
  if (!state.scenario) return;
  state.inFlight?.abort();
  const controller = new AbortController();
  state.inFlight = controller;
  setStatus('Solving…', 'busy');
  try {
    const answer = await solve(request(), controller.signal);
    if (controller.signal.aborted) return;
    state.result = answer.result;
    showMessage(null);
    render();
    state.solves += 1;
    document.body.dataset.solves = String(state.solves);
    const s = answer.result.solver;
    setStatus(`Solved in ${answer.milliseconds.toFixed(0)} ms${answer.cache === 'hit' ? ' (cached)' : ''} · ` +
              `equilibrium in ${s.iterations} iterations`, 'ok');
  } catch (error) {
    if (controller.signal.aborted) return;
    const text = error instanceof ApiError ? error.message : String(error);
    showMessage(text);
    setStatus('The last edit could not be solved; the charts show the previous result', 'error');
  } finally {
    if (state.inFlight === controller) state.inFlight = null;
  }
}

// Keeps a picker's options equal to `codes`, its choice if still offered, else `preferred`.
function syncOptions(select: HTMLSelectElement, codes: string[], preferred: string[]): void {
  const current = [...select.options].map((o) => o.value);
  if (current.join() !== codes.join()) {
    const chosen = select.value;
    select.replaceChildren(...codes.map((c) => option(c, c)));
    select.value = codes.includes(chosen) ? chosen : preferred.find((c) => codes.includes(c)) ?? codes[0] ?? '';
  }
}

function render(): void {
  const result = state.result;
  if (!result) return;
  syncOptions(ui.importer, importersOf(result), ['USA']);
  syncOptions(ui.focus, result.baseline.regions.map((r) => r.code), ['CAN', 'USA']);
  drawWelfare(byId('welfare-chart'), result);
  drawDiversion(byId('diversion-chart'), byId('diversion-table'), result, ui.importer.value);
  drawFlows(byId('flow-map'), result);
  drawBilateral(byId('bilateral-chart'), result);
  drawTariffs(byId('tariff-chart'), result);
  drawSectors(byId('sector-chart'), result, ui.focus.value);
}

function describe(m: MeasureSummary): string {
  const when = m.from || m.to ? ` · ${m.from ?? '…'} to ${m.to ?? '…'}` : '';
  return `${m.authority.replace(/_/g, ' ')} · ${m.importer} on ${m.origins.join(', ')}${when}`;
}

// One row per measure: an on/off switch, and a slider with a number field for its rate.
function measureRow(m: MeasureSummary): HTMLElement {
  const row = document.createElement('div');
  row.className = 'measure';
  row.dataset.measure = m.id;

  const head = document.createElement('label');
  head.className = 'measure-head';
  const toggle = document.createElement('input');
  toggle.type = 'checkbox';
  toggle.checked = measureEnabled(m);
  toggle.setAttribute('aria-label', `${m.id} in force`);
  toggle.addEventListener('change', () => {
    state.edits.measures[m.id] = toggle.checked;
    row.classList.toggle('off', !toggle.checked);
    scheduleSolve();
  });
  const title = document.createElement('span');
  title.className = 'measure-title';
  title.textContent = m.title || m.id;
  head.append(toggle, title);

  const meta = document.createElement('div');
  meta.className = 'hint';
  meta.textContent = describe(m);
  row.append(head, meta);

  if (m.rate_editable) {
    const rate = document.createElement('div');
    rate.className = 'rate';
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.min = '0';
    slider.max = String(Math.max(100, Math.ceil(m.rate * 100)));
    slider.step = '0.5';
    slider.value = String(m.rate * 100);
    slider.setAttribute('aria-label', `${m.id} rate, percent`);
    slider.dataset.rate = m.id;
    const field = document.createElement('input');
    field.type = 'number';
    field.min = '0';
    field.max = '500';
    field.step = '0.5';
    field.value = (m.rate * 100).toFixed(1);
    field.setAttribute('aria-label', `${m.id} rate, percent (field)`);
    const unit = document.createElement('span');
    unit.textContent = '%';
    const update = (percentValue: number) => {
      if (!Number.isFinite(percentValue)) return;
      state.edits.rates[m.id] = Math.min(500, Math.max(0, percentValue)) / 100;
      scheduleSolve();
    };
    slider.addEventListener('input', () => {
      field.value = Number(slider.value).toFixed(1);
      update(Number(slider.value));
    });
    field.addEventListener('change', () => {
      slider.value = field.value;
      update(Number(field.value));
    });
    rate.append(slider, field, unit);
    row.append(rate);
  } else {
    const note = document.createElement('div');
    note.className = 'hint';
    note.textContent = 'rate taken from the baseline';
    row.append(note);
  }
  row.classList.toggle('off', !toggle.checked);
  return row;
}

function tagSwitch(tag: string, measures: MeasureSummary[]): HTMLElement {
  const label = document.createElement('label');
  label.className = 'switch';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.dataset.tag = tag;
  input.checked = measures.some((m) => m.tags.includes(tag) && measureEnabled(m));
  input.addEventListener('change', () => {
    state.edits.tags[tag] = input.checked;
    // The tag decides again for its measures.
    for (const m of measures) if (m.tags.includes(tag)) delete state.edits.measures[m.id];
    buildMeasures();
    scheduleSolve();
  });
  const text = document.createElement('span');
  const count = measures.filter((m) => m.tags.includes(tag)).length;
  text.textContent = `${tag[0].toUpperCase()}${tag.slice(1)} (${count} measure${count === 1 ? '' : 's'})`;
  label.append(input, text);
  return label;
}

function regionNames(): Map<string, string> {
  const names = new Map(Object.entries(COUNTRY_NAMES));
  for (const r of state.ranking?.baseline.regions ?? []) names.set(r.code, r.name);
  return names;
}

// The measures in foldable groups by partner (measure-groups.ts says how they are grouped and
// ordered); a group's header gives its count. The first group is unfolded when the scenario loads:
// the partner whose goods the scenario taxes most, where a user most likely starts.
function buildMeasures(): void {
  const s = state.scenario!;
  const groups = groupMeasures(s.measures, state.ranking, regionNames());
  ui.measures.replaceChildren(...groups.map((g) => {
    const details = document.createElement('details');
    details.className = 'measure-group';
    details.dataset.group = g.key;
    details.open = state.openGroups.has(g.key);
    details.addEventListener('toggle', () => {
      if (details.open) state.openGroups.add(g.key);
      else state.openGroups.delete(g.key);
    });
    const summary = document.createElement('summary');
    const label = document.createElement('span');
    label.className = 'group-label';
    label.textContent = g.label;
    const count = document.createElement('span');
    count.className = 'group-count';
    count.textContent = `${g.measures.length} measure${g.measures.length === 1 ? '' : 's'}`;
    const on = g.measures.filter(measureEnabled).length;
    count.title = `${on} of ${g.measures.length} in force; imposed by ${[...new Set(g.measures.map((m) => m.importer))].join(', ')}`;
    summary.append(label, count);
    details.append(summary, ...g.measures.map(measureRow));
    return details;
  }));
}

function buildControls(): void {
  const s = state.scenario!;
  ui.scenarioTitle.textContent = `${s.title ?? s.name}${s.date ? ` · measures in force on ${s.date}` : ''}`;
  const tags = s.tags ?? [];
  ui.tags.replaceChildren(...tags.map((t) => tagSwitch(t, s.measures)));
  if (!tags.length) {
    const none = document.createElement('p');
    none.className = 'hint';
    none.textContent = 'This scenario has no tagged measures (e.g. retaliation).';
    ui.tags.replaceChildren(none);
  }
  const share = s.usmca_share_override;
  ui.usmcaOverride.checked = false;
  ui.usmcaShare.disabled = ui.usmcaShareNumber.disabled = true;
  ui.usmcaShare.value = ui.usmcaShareNumber.value = String(Math.round((share ?? 0.9) * 100));
  buildMeasures();
}

async function loadScenario(name: string): Promise<void> {
  const load = ++state.loads;
  setStatus('Loading scenario…', 'busy');
  const scenario = await getJson<ScenarioDetail>(`/api/v1/scenarios/${encodeURIComponent(name)}`);
  if (load !== state.loads) return;
  state.scenario = scenario;
  state.edits = { rates: {}, measures: {}, tags: {}, usmcaShare: null };
  if (scenario.baseline && [...ui.baseline.options].some((o) => o.value === scenario.baseline)) {
    ui.baseline.value = scenario.baseline;
  }
  // The first solve (the scenario as written) orders the measure groups, so the controls are
  // built once it is back, or has failed.
  state.result = null;
  await runSolve();
  if (load !== state.loads) return;
  state.ranking = state.result;
  state.openGroups = new Set();
  buildControls();
  const first = ui.measures.querySelector<HTMLDetailsElement>('details.measure-group');
  if (first) {
    first.open = true;
    state.openGroups.add(first.dataset.group ?? '');
  }
}

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function wireUsmca(): void {
  const apply = () => {
    state.edits.usmcaShare = ui.usmcaOverride.checked ? Number(ui.usmcaShare.value) / 100 : null;
    scheduleSolve();
  };
  ui.usmcaOverride.addEventListener('change', () => {
    ui.usmcaShare.disabled = ui.usmcaShareNumber.disabled = !ui.usmcaOverride.checked;
    apply();
  });
  ui.usmcaShare.addEventListener('input', () => {
    ui.usmcaShareNumber.value = ui.usmcaShare.value;
    apply();
  });
  ui.usmcaShareNumber.addEventListener('change', () => {
    ui.usmcaShare.value = String(Math.min(100, Math.max(0, Number(ui.usmcaShareNumber.value))));
    apply();
  });
}

async function start(): Promise<void> {
  try {
    const [{ baselines }, { scenarios }] = await Promise.all([
      getJson<{ baselines: BaselineSummary[] }>('/api/v1/baselines'),
      getJson<{ scenarios: ScenarioSummary[] }>('/api/v1/scenarios'),
    ]);
    const usable = baselines.filter((b) => !b.error);
    ui.baseline.replaceChildren(...usable.map((b) => option(b.name, `${b.name}${b.year ? ` (${b.year})` : ''}`)));
    const offered = scenarios.filter((s) => !s.error);
    ui.scenario.replaceChildren(...offered.map((s) => option(s.name, s.title || s.name)));
    if (!offered.length) {
      setStatus('The server offers no scenarios', 'error');
      return;
    }
    const requested = new URLSearchParams(location.search).get('scenario');
    const first = offered.find((s) => s.name === requested) ?? offered[0];
    ui.scenario.value = first.name;
    ui.scenario.addEventListener('change', () => void loadScenario(ui.scenario.value));
    ui.baseline.addEventListener('change', scheduleSolve);
    ui.reset.addEventListener('click', () => void loadScenario(ui.scenario.value));
    ui.focus.addEventListener('change', render);
    ui.importer.addEventListener('change', render);
    wireUsmca();
    let resizeTimer = 0;
    window.addEventListener('resize', () => {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(render, 150);
    });
    await loadScenario(first.name);
  } catch (error) {
    setStatus(`Cannot reach the API: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

// Exposed for people poking at the page from the console.
Object.assign(window, { ricardo: { state, percent } });

void start();
