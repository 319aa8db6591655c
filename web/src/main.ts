// The dashboard: pick a baseline and a scenario, edit its measures, and every edit re-solves the
// model through POST /api/v1/solve (debounced; a newer edit cancels the request in flight). The
// page's state lives in its address (link.ts), so a link reopens it as it was.
import './style.css';

import {
  ApiError, getJson, solve,
  type BaselineSummary, type MeasureSummary, type RunResult, type ScenarioDetail,
  type ScenarioListed, type SolveRequest,
} from './api';
import { BandsControl } from './bands';
import { drawBilateral, drawSectors, drawTariffs, drawWelfare } from './charts';
import { wireDownloads } from './downloads';
import { drawDiversion, importersOf } from './diversion';
import { drawFlows } from './flows';
import { drawMoney } from './money';
import { wireCopyLink } from './copy-link';
import { COUNTRY_NAMES, percent } from './format';
import { loadLimits } from './limits';
import { applyLink, encodeView, isDate, noEdits, readLink, type Edits, type Link } from './link';
import { groupMeasures } from './measure-groups';
import { measureRow } from './measure-row';
import { UsmcaControl } from './usmca-control';

const DEBOUNCE_MS = 120;
// The scenario the page opens on when its address names none: the main job's, the one `ricardo
// run` solves by default (apps/cli/cmd_run.cpp).
const DEFAULT_SCENARIO = 'us-tariffs-2025-11';

const state = {
  scenario: null as ScenarioDetail | null,
  edits: noEdits() as Edits,
  baselines: [] as string[],
  result: null as RunResult | null,
  resultRequest: null as SolveRequest | null,  // the request `result` answers
  inFlight: null as AbortController | null,
  timer: 0,
  solves: 0,
  // The solve of the scenario as written, which orders the measure groups (null if it failed).
  ranking: null as RunResult | null,
  openGroups: new Set<string>(),  // measure groups unfolded, by key
  loads: 0,                       // scenario loads begun, to drop a superseded one
  // Pickers asked for by the link, applied once an answer says which regions there are.
  wantImporter: null as string | null,
  wantOutput: null as string | null,
  linkNotes: [] as string[],
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
  copyLink: byId<HTMLButtonElement>('copy-link'),
  copyNote: byId('copy-note'),
  linkNote: byId('link-note'),
  linkNoteText: byId('link-note-text'),
  status: byId('status'),
  message: byId('message'),
  tags: byId('tags'),
  measures: byId('measures'),
  scenarioTitle: byId('scenario-title'),
  date: byId<HTMLInputElement>('date'),
  focus: byId<HTMLSelectElement>('focus'),
  importer: byId<HTMLSelectElement>('importer'),
};

const bands = new BandsControl(
  byId<HTMLButtonElement>('bands-button'), byId('bands-status'), byId('bands-sentence'),
  () => (state.scenario ? request() : null),
  () => render());

const usmca = new UsmcaControl((share) => {
  state.edits.usmcaShare = share;
  edited();
});

function setStatus(text: string, kind: 'busy' | 'ok' | 'error'): void {
  ui.status.textContent = text;
  ui.status.dataset.kind = kind;
  document.body.dataset.state = kind;
}

function showMessage(text: string | null): void {
  ui.message.hidden = text === null;
  ui.message.textContent = text ?? '';
}

// Lists what the page's address asked for and did not get; an empty list hides the note.
function showLinkNote(notes: string[]): void {
  state.linkNotes = notes;
  ui.linkNote.hidden = notes.length === 0;
  ui.linkNoteText.textContent = notes.length
    ? `Part of this page's address was not used: ${notes.join('; ')}.` : '';
}

// Whether a measure is on: its own switch, else a tag switch, else as the scenario says.
function measureEnabled(m: MeasureSummary): boolean {
  if (m.id in state.edits.measures) return state.edits.measures[m.id];
  for (const tag of m.tags) if (tag in state.edits.tags) return state.edits.tags[tag];
  return m.enabled;
}

function chosenBaseline(): string | null {
  const s = state.scenario;
  return s && ui.baseline.value && ui.baseline.value !== s.baseline ? ui.baseline.value : null;
}

// The address follows every edit, without adding a history entry per slider step.
function writeLink(): void {
  const s = state.scenario;
  if (!s) return;
  const search = encodeView({
    scenario: s.name, baseline: chosenBaseline(), edits: state.edits,
    importer: ui.importer.value && ui.importer.value !== 'USA' ? ui.importer.value : null,
    output: ui.focus.value && ui.focus.value !== 'CAN' ? ui.focus.value : null,
  });
  if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
}

function edited(): void {
  writeLink();
  bands.edited();
  scheduleSolve();
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
  if (state.edits.date !== null) body.date = state.edits.date;
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
    const body = request();
    const answer = await solve(body, controller.signal);
    if (controller.signal.aborted) return;
    state.result = answer.result;
    state.resultRequest = body;
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

// A picker's choice from the link, once the answer says which regions there are.
function applyWanted(select: HTMLSelectElement, wanted: string | null, key: string): string | null {
  if (wanted === null) return null;
  const offered = [...select.options].map((o) => o.value);
  if (offered.includes(wanted)) select.value = wanted;
  else showLinkNote([...state.linkNotes, `${key}=${wanted}: not a region of this baseline`]);
  return null;
}

function render(): void {
  const result = state.result;
  if (!result) return;
  syncOptions(ui.importer, importersOf(result), ['USA']);
  syncOptions(ui.focus, result.baseline.regions.map((r) => r.code), ['CAN', 'USA']);
  state.wantImporter = applyWanted(ui.importer, state.wantImporter, 'importer');
  state.wantOutput = applyWanted(ui.focus, state.wantOutput, 'output');
  drawWelfare(byId('welfare-chart'), result, bands.bandsFor(state.resultRequest));
  drawMoney(byId('money-table'), byId('welfare-note'), result);
  const warnings = result.scenario.warnings ?? [];
  const warningElement = byId('run-warnings');
  warningElement.hidden = warnings.length === 0;
  warningElement.textContent = warnings.map((w) => `Warning: ${w}.`).join(' ');
  drawDiversion(byId('diversion-chart'), byId('diversion-table'), result, ui.importer.value);
  drawFlows(byId('flow-map'), result);
  drawBilateral(byId('bilateral-chart'), result);
  drawTariffs(byId('tariff-chart'), result);
  drawSectors(byId('sector-chart'), result, ui.focus.value);
}

function compileDate(): string | null {
  return state.edits.date ?? state.scenario?.date ?? null;
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
    edited();
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
  const context = {
    rate: (m: MeasureSummary) => state.edits.rates[m.id] ?? m.rate,
    enabled: measureEnabled,
    date: compileDate(),
    onSwitch: (m: MeasureSummary, on: boolean) => {
      state.edits.measures[m.id] = on;
      edited();
    },
    onRate: (m: MeasureSummary, fraction: number) => {
      // Back at the rate as written is no edit (and no key in the address).
      if (fraction === m.rate) delete state.edits.rates[m.id];
      else state.edits.rates[m.id] = fraction;
      edited();
    },
  };
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
    details.append(summary, ...g.measures.map((m) => measureRow(m, context)));
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
  ui.date.value = compileDate() ?? '';
  // Without an override the control offers the scenario's share, else 90% to start from.
  usmca.show(state.edits.usmcaShare, s.usmca_share_override ?? 0.9);
  buildMeasures();
}

// Opens a scenario, with the edits of `link` when it comes from the page's address (else as
// written, as the picker and Reset ask).
async function loadScenario(name: string, link: Link | null, notes: string[] = []): Promise<void> {
  const load = ++state.loads;
  delete document.body.dataset.ready;
  setStatus('Loading scenario…', 'busy');
  const scenario = await getJson<ScenarioDetail>(`/api/v1/scenarios/${encodeURIComponent(name)}`);
  if (load !== state.loads) return;
  state.scenario = scenario;
  state.edits = noEdits();
  bands.edited();
  if (scenario.baseline && state.baselines.includes(scenario.baseline)) ui.baseline.value = scenario.baseline;
  if (link) {
    const applied = applyLink(link, scenario.name, scenario.measures, state.baselines);
    state.edits = applied.view.edits;
    // The scenario's own date is no edit: without it a rate-only request skips the compile.
    if (state.edits.date === scenario.date) state.edits.date = null;
    if (applied.view.baseline) ui.baseline.value = applied.view.baseline;
    state.wantImporter = applied.view.importer;
    state.wantOutput = applied.view.output;
    notes.push(...applied.notes);
  }
  showLinkNote(notes);
  // The first solve orders the measure groups, so the controls are built once it is back, or
  // has failed. It is the scenario as written; a link's edits are solved after it.
  state.result = null;
  const edits = state.edits;
  const baseline = ui.baseline.value;
  state.edits = noEdits();
  if (scenario.baseline) ui.baseline.value = scenario.baseline;
  await runSolve();
  if (load !== state.loads) return;
  state.ranking = state.result;
  state.edits = edits;
  ui.baseline.value = baseline;
  state.openGroups = new Set();
  buildControls();
  const first = ui.measures.querySelector<HTMLDetailsElement>('details.measure-group');
  if (first) {
    first.open = true;
    state.openGroups.add(first.dataset.group ?? '');
  }
  writeLink();
  if (JSON.stringify(edits) !== JSON.stringify(noEdits()) || chosenBaseline()) await runSolve();
  // Tests wait for this: the scenario is open with the link's edits solved.
  if (load === state.loads) document.body.dataset.ready = scenario.name;
}

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function wireDate(): void {
  ui.date.addEventListener('change', () => {
    const s = state.scenario;
    if (!s || !isDate(ui.date.value)) return;  // a half-typed date is not solved
    state.edits.date = ui.date.value === s.date ? null : ui.date.value;
    buildMeasures();  // which measures are in force depends on it
    edited();
  });
}

// The scenario to open: the link's, else the main job's, else the first that has measures to edit.
function firstScenario(offered: ScenarioListed[], link: Link, notes: string[]): ScenarioListed {
  const named = offered.find((s) => s.name === link.scenario);
  if (link.scenario !== null && !named) {
    notes.push(`scenario=${link.scenario}: not offered by this server`);
  }
  return named ?? offered.find((s) => s.name === DEFAULT_SCENARIO) ??
         offered.find((s) => (s.measures ?? 0) > 0) ?? offered[0];
}

async function start(): Promise<void> {
  try {
    // The rate and share fields check against the server's own limits; without them nothing
    // typed could be checked, so the page stops here and says why.
    try {
      await loadLimits();
    } catch (error) {
      setStatus(`Cannot read the API's limits (GET /api/v1/limits): ${error instanceof Error ? error.message : String(error)}`, 'error');
      return;
    }
    usmca.applyLimits();
    const [{ baselines }, { scenarios }] = await Promise.all([
      getJson<{ baselines: BaselineSummary[] }>('/api/v1/baselines'),
      getJson<{ scenarios: ScenarioListed[] }>('/api/v1/scenarios'),
    ]);
    const usable = baselines.filter((b) => !b.error);
    state.baselines = usable.map((b) => b.name);
    ui.baseline.replaceChildren(...usable.map((b) => option(b.name, `${b.name}${b.year ? ` (${b.year})` : ''}`)));
    const offered = scenarios.filter((s) => !s.error);
    ui.scenario.replaceChildren(...offered.map((s) => option(s.name, s.title || s.name)));
    if (!offered.length) {
      setStatus('The server offers no scenarios', 'error');
      return;
    }
    const link = readLink(location.search);
    const notes: string[] = [];
    const first = firstScenario(offered, link, notes);
    ui.scenario.value = first.name;
    ui.scenario.addEventListener('change', () => void loadScenario(ui.scenario.value, null));
    ui.baseline.addEventListener('change', edited);
    ui.reset.addEventListener('click', () => void loadScenario(ui.scenario.value, null));
    ui.focus.addEventListener('change', () => { render(); writeLink(); });
    ui.importer.addEventListener('change', () => { render(); writeLink(); });
    wireDate();
    wireCopyLink(ui.copyLink, ui.copyNote, () => {
      writeLink();
      return location.href;
    });
    byId('link-note-close').addEventListener('click', () => showLinkNote([]));
    wireDownloads(() => state.result, () => ui.importer.value);
    let resizeTimer = 0;
    window.addEventListener('resize', () => {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(render, 150);
    });
    // A link to a scenario not offered carries no edits for the one opened instead.
    if (link.scenario !== null && first.name !== link.scenario && link.params.length > 1) {
      notes.push('its edits were for that scenario and are not applied');
    }
    await loadScenario(first.name, link.scenario === null || first.name === link.scenario ? link : null, notes);
  } catch (error) {
    setStatus(`Cannot reach the API: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

// Exposed for people poking at the page from the console.
Object.assign(window, { ricardo: { state, percent } });

void start();
