// One measure of the list: its title (which follows the rate: "35% → 20%"), who imposes it on
// whom and when, an on/off switch, and its rate as a slider, marked at the rate as written, with
// a number field that refuses what the API would (limits.ts) with a message beside it.
import type { MeasureSummary } from './api';
import { maxRatePercent, parsePercent } from './limits';
import { titleFor } from './measure-title';

export interface RowContext {
  rate(m: MeasureSummary): number;      // current rate, fraction
  enabled(m: MeasureSummary): boolean;
  date: string | null;                  // the date the measures are compiled on
  onSwitch(m: MeasureSummary, on: boolean): void;
  onRate(m: MeasureSummary, fraction: number): void;
}

// The slider's thumb width in CSS pixels (style.css, --thumb), to put the mark under its centre.
const THUMB_PX = 14;

function describe(m: MeasureSummary): string {
  const when = m.from || m.to ? ` · ${m.from ?? '…'} to ${m.to ?? '…'}` : '';
  return `${m.authority.replace(/_/g, ' ')} · ${m.importer} on ${m.origins.join(', ')}${when}`;
}

// Whether the measure's dates include `date` (both ends inclusive, as in scenario files).
export function inForce(m: MeasureSummary, date: string | null): boolean {
  if (!date) return true;
  return (!m.from || m.from <= date) && (!m.to || date <= m.to);
}

// The slider's top: 100%, or more to reach the as-written or current rate, in steps of 50 points.
function sliderMax(...percents: number[]): number {
  return Math.min(maxRatePercent(), Math.max(100, ...percents.map((p) => Math.ceil(p / 50) * 50)));
}

function rateControls(m: MeasureSummary, context: RowContext, title: HTMLElement): HTMLElement[] {
  const asWritten = m.rate * 100;
  const rate = document.createElement('div');
  rate.className = 'rate';
  const track = document.createElement('div');
  track.className = 'slider';
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.min = '0';
  slider.step = '0.5';
  slider.setAttribute('aria-label', `${m.id} rate, percent`);
  slider.dataset.rate = m.id;
  const mark = document.createElement('span');
  mark.className = 'as-written';
  mark.dataset.percent = String(asWritten);
  mark.title = `as written: ${Number(asWritten.toFixed(2))}%`;
  track.append(slider, mark);

  const field = document.createElement('input');
  field.type = 'text';
  field.inputMode = 'decimal';
  field.className = 'rate-field';
  field.dataset.rateField = m.id;
  field.setAttribute('aria-label', `${m.id} rate, percent (field)`);
  const unit = document.createElement('span');
  unit.textContent = '%';
  const error = document.createElement('p');
  error.className = 'field-error';
  error.id = `rate-error-${m.id}`;
  error.setAttribute('role', 'alert');
  error.hidden = true;
  field.setAttribute('aria-describedby', error.id);

  // Slider, field and title show `percent`; the slider widens when a typed rate is past its end.
  const show = (percent: number, fieldToo: boolean) => {
    const max = sliderMax(asWritten, percent);
    if (Number(slider.max) !== max) {
      slider.max = String(max);
      const fraction = asWritten / max;
      mark.style.left = `calc(${THUMB_PX / 2}px + (100% - ${THUMB_PX}px) * ${fraction})`;
    }
    slider.value = String(percent);
    if (fieldToo) field.value = percent.toFixed(1);
    title.textContent = titleFor(m.title || m.id, m.rate, percent / 100);
  };
  const refuse = (message: string | null) => {
    error.hidden = message === null;
    error.textContent = message ?? '';
    field.setAttribute('aria-invalid', String(message !== null));
  };
  show(context.rate(m) * 100, true);

  slider.addEventListener('input', () => {
    refuse(null);
    show(Number(slider.value), true);
    context.onRate(m, Number(slider.value) / 100);
  });
  // Typing is checked as it goes; the rate is solved when the field is committed (Enter, Tab).
  field.addEventListener('input', () => {
    const parsed = parsePercent(field.value, maxRatePercent());
    refuse(parsed.ok ? null : parsed.message);
  });
  field.addEventListener('change', () => {
    const parsed = parsePercent(field.value, maxRatePercent());
    if (!parsed.ok) {
      refuse(parsed.message);
      return;
    }
    refuse(null);
    show(parsed.percent, false);
    context.onRate(m, parsed.percent / 100);
  });
  rate.append(track, field, unit);
  return [rate, error];
}

export function measureRow(m: MeasureSummary, context: RowContext): HTMLElement {
  const row = document.createElement('div');
  row.className = 'measure';
  row.dataset.measure = m.id;

  const head = document.createElement('label');
  head.className = 'measure-head';
  const toggle = document.createElement('input');
  toggle.type = 'checkbox';
  toggle.checked = context.enabled(m);
  toggle.setAttribute('aria-label', `${m.id} in force`);
  toggle.addEventListener('change', () => {
    row.classList.toggle('off', !toggle.checked);
    context.onSwitch(m, toggle.checked);
  });
  const title = document.createElement('span');
  title.className = 'measure-title';
  title.textContent = m.title || m.id;
  head.append(toggle, title);

  const meta = document.createElement('div');
  meta.className = 'hint';
  meta.textContent = describe(m);
  row.append(head, meta);
  if (!inForce(m, context.date)) {
    const note = document.createElement('div');
    note.className = 'hint not-in-force';
    note.textContent = `not in force on ${context.date}`;
    row.append(note);
  }

  if (m.rate_editable) {
    row.append(...rateControls(m, context, title));
  } else {
    const note = document.createElement('div');
    note.className = 'hint';
    note.textContent = 'rate taken from the baseline';
    row.append(note);
  }
  row.classList.toggle('off', !toggle.checked);
  return row;
}
