// The parts of the /api/v1 documents the dashboard reads (docs/api.md, docs/run-result-schema.md).

export interface ApiErrorBody {
  error: { status: number; kind: string; message: string };
}

export interface BaselineSummary {
  name: string;
  title?: string;
  year?: number;
  regions?: number;
  error?: string;
}

export interface ScenarioSummary {
  name: string;
  title?: string;
  baseline?: string;
  date?: string | null;
  tags?: string[];
  error?: string;
}

// An entry of GET /api/v1/scenarios, which counts the measures instead of listing them.
export interface ScenarioListed extends ScenarioSummary {
  measures?: number;
}

export interface MeasureSummary {
  id: string;
  title: string;
  authority: string;
  importer: string;
  origins: string[];
  rate: number; // fraction
  rate_editable: boolean;
  enabled: boolean;
  tags: string[];
  from: string | null;
  to: string | null;
}

export interface ScenarioDetail extends ScenarioSummary {
  measures: MeasureSummary[];
  usmca_share_override: number | null;
}

// The effective tariff (run-result `effective_tariff`): the scenario's additional duties on goods,
// weighted by base-year goods imports and by counterfactual ones. Optional: servers older than
// the field lack it.
export interface EffectiveTariff {
  added_at_base_weights_pct: number | null;
  added_after_shifts_pct: number | null;
  applied_goods_base_pct: number | null;
  applied_goods_new_pct: number | null;
  goods_imports_base: number;
  goods_imports_new: number;
}

// 5th, 50th and 95th percentiles over the draws of POST /api/v1/draws (docs/api.md).
export interface Band {
  p05: number;
  p50: number;
  p95: number;
}

export interface CountryResult {
  name: string;
  // Only in answers of POST /api/v1/draws.
  bands?: { welfare_pct: Band; real_wage_pct: Band; exports_pct: Band; imports_pct: Band };
  income_base: number;
  effective_tariff?: EffectiveTariff;
  welfare_money?: number | null;          // money units a year at the baseline's prices
  welfare_per_household?: number | null;  // currency units per household a year
  households?: number | null;
  households_year?: number | null;
  households_note?: string;
  tariff_revenue_base?: number;
  tariff_revenue_new?: number;
  tariff_revenue_change?: number | null;
  tariff_revenue_change_10y?: number | null;
  welfare_tot_pct?: number;
  welfare_pct: number;
  real_wage_pct: number;
  price_index_pct: number;
  exports_pct: number | null;
  imports_pct: number | null;
  average_tariff_base_pct: number;
  average_tariff_new_pct: number;
}

export interface BilateralRow {
  importer: string;
  exporter: string;
  imports_base: number;
  imports_new: number;
  change_pct: number | null;
}

export interface SectorRow {
  region: string;
  sector: string;
  output_pct: number | null;
}

export interface TariffRow {
  importer: string;
  exporter: string;
  sector: string;
  base_pct: number | null;
  new_pct: number | null;
}

// One partner's part in an importer's imports before and after (run-result
// `imports_by_partner`, docs/run-result-schema.md); money in the baseline's unit.
export interface PartnerImports {
  exporter: string;
  imports_base: number;
  imports_new: number;
  change_pct: number | null;
  share_base_pct: number | null;
  share_new_pct: number | null;
  share_change_pp: number | null;
  tariff_base_pct: number | null;
  tariff_new_pct: number | null;
  effective_tariff?: EffectiveTariff;
}

export interface ImportsByPartner {
  importer: string;
  imports_base: number;
  imports_new: number;
  imports_pct: number | null;
  effective_tariff?: EffectiveTariff;
  partners: PartnerImports[]; // largest gain in share first
}

export interface RunResult {
  scenario: { name: string; title: string; date: string; warnings?: string[] };
  baseline: {
    name: string;
    year?: number;
    currency: string;
    money_unit: number;
    money_unit_label: string;
    regions: { code: string; name: string }[];
    sectors: { code: string; name: string; tradable: boolean }[];
  };
  countries: Record<string, CountryResult>;
  bilateral: BilateralRow[];
  sectors: SectorRow[];
  effective_tariffs: TariffRow[];
  // Optional in schema v1: absent from servers older than the field.
  imports_by_partner?: ImportsByPartner[];
  solver: { converged: boolean; message: string; iterations: number; seconds: number };
  // Only in answers of POST /api/v1/draws (docs/run-result-schema.md, "uncertainty").
  uncertainty?: Uncertainty;
}

export interface Uncertainty {
  draws: number;
  seed: number;
  non_converged: number;
  notes: string[];
  sentence: string;  // what the bands are: parameter uncertainty, not a forecast interval
}

export interface SolveRequest {
  scenario: string;
  baseline?: string;
  rates?: Record<string, number>;
  measures?: Record<string, boolean>;
  tags?: Record<string, boolean>;
  usmca_share?: number | null;
  date?: string;  // YYYY-MM-DD
  bilateral_sector: false;
  // The dashboard does not show the high-θ flags; asking for none saves their second solve.
  elasticity_flags: false;
}

// POST /api/v1/draws: a solve request plus the draws (default: the server's, GET /api/v1/limits
// draws_default) and their seed.
export interface DrawsRequest extends SolveRequest {
  draws?: number;
  seed?: number;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readJson<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as ApiErrorBody | null)?.error?.message ?? `HTTP ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return body as T;
}

export async function getJson<T>(path: string): Promise<T> {
  return readJson<T>(await fetch(path, { headers: { Accept: 'application/json' } }));
}

export interface SolveAnswer {
  result: RunResult;
  cache: string;
  milliseconds: number;
}

export async function solve(request: SolveRequest, signal: AbortSignal): Promise<SolveAnswer> {
  return postForResult('/api/v1/solve', request, signal);
}

// POSTs `request` as JSON and reads the run-result document, with the cache header and the time.
async function postForResult(path: string, request: unknown, signal: AbortSignal): Promise<SolveAnswer> {
  const started = performance.now();
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
  const result = await readJson<RunResult>(response);
  return {
    result,
    cache: response.headers.get('X-Ricardo-Cache') ?? '',
    milliseconds: performance.now() - started,
  };
}

// The solve of `request` with its uncertainty bands. The server computes draws on a worker of
// their own, so solves sent meanwhile are answered as usual.
export async function draws(request: DrawsRequest, signal: AbortSignal): Promise<SolveAnswer> {
  return postForResult('/api/v1/draws', request, signal);
}
