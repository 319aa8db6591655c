// The USMCA utilisation override: a switch, a slider and a field (percent) that refuses what is
// not a share (limits.ts) with a message beside it instead of clamping it.
import { maxSharePercent, parsePercent } from './limits';

function element<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} is missing from the page`);
  return e as T;
}

export class UsmcaControl {
  private readonly override = element<HTMLInputElement>('usmca-override');
  private readonly slider = element<HTMLInputElement>('usmca-share');
  private readonly field = element<HTMLInputElement>('usmca-share-number');
  private readonly error = element('usmca-error');

  // `onChange` gets the share as a fraction, or null when the override is off (the data's shares).
  constructor(onChange: (share: number | null) => void) {
    const current = () => (this.override.checked ? Number(this.slider.value) / 100 : null);
    this.override.addEventListener('change', () => {
      this.enable(this.override.checked);
      this.refuse(null);
      onChange(current());
    });
    this.slider.addEventListener('input', () => {
      this.field.value = this.slider.value;
      this.refuse(null);
      onChange(current());
    });
    // Typing is checked as it goes; the share is solved when the field is committed.
    this.field.addEventListener('input', () => {
      const parsed = parsePercent(this.field.value, maxSharePercent(), 'share');
      this.refuse(parsed.ok ? null : parsed.message);
    });
    this.field.addEventListener('change', () => {
      const parsed = parsePercent(this.field.value, maxSharePercent(), 'share');
      if (!parsed.ok) return this.refuse(parsed.message);
      this.refuse(null);
      this.slider.value = String(parsed.percent);
      onChange(parsed.percent / 100);
    });
  }

  // The slider's top from the server's limits (limits.ts), once they are known.
  applyLimits(): void {
    this.slider.max = String(maxSharePercent());
  }

  // Shows `edit` (a fraction; null: not overridden, the control then offers `fallback`).
  show(edit: number | null, fallback: number): void {
    this.override.checked = edit !== null;
    this.enable(edit !== null);
    this.slider.value = this.field.value = String(Number(((edit ?? fallback) * 100).toFixed(2)));
    this.refuse(null);
  }

  private enable(on: boolean): void {
    this.slider.disabled = this.field.disabled = !on;
  }

  private refuse(message: string | null): void {
    this.error.hidden = message === null;
    this.error.textContent = message ?? '';
    this.field.setAttribute('aria-invalid', String(message !== null));
  }
}
