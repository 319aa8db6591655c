// The bounds the dashboard checks before it asks for a solve, so that a typed 600 is refused
// with a message instead of being clamped or sent. The server is the authority and states them
// at GET /api/v1/limits (docs/api.md); the page holds no copy, and until they are read (or if
// reading them failed) no typed value is accepted.
import { getJson } from './api';

// GET /api/v1/limits: fractions, as in a solve request (5 = 500%).
export interface Limits {
  tariff_rate_max: number;
  usmca_share_max: number;
}

let known: Limits | null = null;

// Reads the server's limits; throws (ApiError, or a network error) if they cannot be read.
export async function loadLimits(): Promise<Limits> {
  const limits = await getJson<Limits>('/api/v1/limits');
  if (!Number.isFinite(limits.tariff_rate_max) || !Number.isFinite(limits.usmca_share_max)) {
    throw new Error('the server\'s /api/v1/limits answer has no tariff_rate_max or usmca_share_max');
  }
  known = limits;
  return limits;
}

function limits(): Limits {
  if (!known) throw new Error('the server\'s limits are not known (GET /api/v1/limits failed)');
  return known;
}

// The largest tariff rate, percent.
export function maxRatePercent(): number {
  return limits().tariff_rate_max * 100;
}

// The USMCA-qualifying share's largest value, percent of trade.
export function maxSharePercent(): number {
  return limits().usmca_share_max * 100;
}

export type Parsed = { ok: true; percent: number } | { ok: false; message: string };

// Reads a percentage typed by a person: a number from 0 to `maxPercent`, nothing else (no
// clamping: a value the user did not mean is never solved).
export function parsePercent(text: string, maxPercent: number, what = 'rate'): Parsed {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (trimmed === '') return { ok: false, message: 'Type a number of percent.' };
  // Number() accepts '0x10', '1e2' and ' '; people type plain decimals.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) {
    return { ok: false, message: `'${text.trim()}' is not a number of percent; not solved.` };
  }
  const percent = Number(trimmed);
  if (percent < 0) return { ok: false, message: `${percent}% is below 0%; not solved.` };
  if (percent > maxPercent) {
    return { ok: false, message: `${percent}% is above the largest ${what} allowed, ${maxPercent}%; not solved.` };
  }
  return { ok: true, percent };
}
