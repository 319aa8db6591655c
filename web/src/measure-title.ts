// A measure's title that follows its slider: the percentage written in the title is shown as
// "as written → now" ("IEEPA tariff on Canada, 35% → 20%"); a title without the as-written rate
// in it ("15% including MFN" of an additional 5%) gets the change appended instead.

const PERCENT = /(\d+(?:\.\d+)?)\s?%/g;

function formatPercent(percent: number): string {
  // 0.5-point steps: at most one decimal, none when whole.
  return `${Number(percent.toFixed(2))}%`;
}

export function titleFor(title: string, asWrittenFraction: number, currentFraction: number): string {
  const before = asWrittenFraction * 100;
  const now = currentFraction * 100;
  if (Math.abs(now - before) < 1e-9) return title;
  const change = `${formatPercent(before)} → ${formatPercent(now)}`;
  let replaced = false;
  const rewritten = title.replace(PERCENT, (match, digits: string) => {
    if (replaced || Math.abs(Number(digits) - before) > 1e-6) return match;
    replaced = true;
    return change;
  });
  return replaced ? rewritten : `${title} · ${change}`;
}
