// The bounds the dashboard checks before it asks for a solve, so that a typed 600 is refused
// with a message instead of being clamped or sent. The server is the authority; these mirror it.

// The largest tariff rate, as a fraction (5 = 500%). Mirrors kMaxRate in
// src/tariffs/scenario_parse.cpp, which the API's rate edits also apply (SetMeasureRate, and the
// rate-only fast path's own check in src/server/solve_request.cpp). Change them together.
export const MAX_RATE_FRACTION = 5.0;
export const MAX_RATE_PERCENT = MAX_RATE_FRACTION * 100;

// The USMCA-qualifying share, percent of trade (the API's usmca_share is a fraction in [0, 1]).
export const MAX_SHARE_PERCENT = 100;

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
