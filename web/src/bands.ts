// The "Uncertainty bands" button: asks POST /api/v1/draws for the bands of the scenario with the
// edits the page shows, without holding up the sliders. The request runs on its own (the server
// computes draws on a worker of their own, and the page's solves keep being sent and drawn);
// bands are kept with the request they answer and shown only while the page shows that very
// request's solve: an edit hides them, and an answer for edits the page has moved on from is
// dropped rather than drawn over newer numbers.
import { ApiError, draws, type DrawsRequest, type RunResult, type SolveRequest } from './api';

export type BandsState = 'none' | 'running' | 'shown' | 'stale' | 'error';

export class BandsControl {
  private key: string | null = null;  // the request the bands (or the request in flight) are for
  private answer: RunResult | null = null;
  private inFlight: AbortController | null = null;

  // `current` is the solve request of the page's present edits; `redraw` redraws the charts.
  constructor(private readonly button: HTMLButtonElement,
              private readonly status: HTMLElement,
              private readonly sentence: HTMLElement,
              private readonly current: () => SolveRequest | null,
              private readonly redraw: () => void) {
    button.addEventListener('click', () => void this.ask());
    this.show('none', '');
  }

  // The bands answer for `request`, if the page has one for exactly it.
  bandsFor(request: SolveRequest | null): RunResult | null {
    return request !== null && this.answer !== null && this.key === keyOf(request) ? this.answer : null;
  }

  // An edit: bands shown for the previous edits no longer describe the charts. A request in flight
  // is left to finish (the server is computing it anyway) and dropped when it answers.
  edited(): void {
    if (this.inFlight && !this.answer) {
      this.show('running', 'Computing uncertainty bands for earlier edits; they will not be shown. Ask again for the current edits.', '', false);
      return;
    }
    if (this.answer) {
      this.answer = null;
      this.key = null;
      this.show('stale', 'Bands hidden: the edits changed. Ask again for bands of the new edits.');
      this.redraw();
    }
  }

  private async ask(): Promise<void> {
    const request = this.current();
    if (!request) return;
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const key = keyOf(request);
    this.key = key;
    this.answer = null;
    this.redraw();
    this.show('running', 'Computing uncertainty bands… (the sliders keep working)');
    try {
      const body: DrawsRequest = { ...request };
      const answer = await draws(body, controller.signal);
      if (controller.signal.aborted) return;
      const now = this.current();
      if (this.key !== key || now === null || keyOf(now) !== key) {
        this.show('stale', 'The bands that came back were for earlier edits and are not shown. Ask again for bands of the current edits.');
        return;
      }
      const u = answer.result.uncertainty;
      if (!u) throw new Error('the answer has no uncertainty object');
      this.answer = answer.result;
      const failed = u.non_converged > 0 ? ` ${u.non_converged} draws did not converge and are left out.` : '';
      this.show('shown', `Bands from ${u.draws} draws (seed ${u.seed}) in ${(answer.milliseconds / 1000).toFixed(1)} s${answer.cache === 'hit' ? ' (cached)' : ''}.${failed}`,
                u.sentence);
      this.redraw();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.key = null;
      const text = error instanceof ApiError ? error.message : String(error);
      this.show('error', `No bands: ${text}`);
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  }

  private show(state: BandsState, text: string, sentence = '', busy = state === 'running'): void {
    this.status.textContent = text;
    this.sentence.textContent = sentence;
    this.sentence.hidden = sentence === '';
    // Asking again for the same edits while their bands are computed would only wait longer.
    this.button.disabled = busy;
    // Tests wait on this.
    document.body.dataset.bands = state;
  }
}

// Two requests ask for the same numbers when their documents are the same.
function keyOf(request: SolveRequest): string {
  return JSON.stringify(request);
}
