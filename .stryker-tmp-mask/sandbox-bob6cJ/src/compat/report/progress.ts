/**
 * Progress of a compat run as text. Plain lines for CI logs (`describeProgress`), or a board with one status line per
 * generator that a terminal redraws in place (`ProgressBoard.frame`). Writing is the CLI's job.
 */
// @ts-nocheck

import type { ProgressEvent } from '../runner/types.js';

const PHASE_TEXT: Record<ProgressEvent['phase'], string> = {
  queued: 'queued',
  unavailable: 'unavailable',
  preparing: 'generating and compiling',
  prepared: 'client ready',
  running: 'calling',
  scenario: 'running the scenario',
  done: 'done',
  failed: 'failed',
};

/** `compat: orval: client ready (generated in 2.6 s, compiled in 1.1 s)`; `command` names the command (`clients`). */
export const describeProgress = (event: ProgressEvent, command = 'compat'): string =>
  `${command}: ${event.generator}: ${PHASE_TEXT[event.phase]}${event.detail ? ` (${event.detail})` : ''}`;

export class ProgressBoard {
  private readonly lines = new Map<string, { event: ProgressEvent; since: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  update(event: ProgressEvent): void {
    this.lines.set(event.generator, { event, since: this.lines.get(event.generator)?.event.phase === event.phase ? this.lines.get(event.generator)!.since : this.now() });
  }

  /** One line per generator in first-seen order; running phases show their elapsed seconds. */
  frame(width = 120): string[] {
    const name = Math.max(...[...this.lines.keys()].map((k) => k.length), 0);
    return [...this.lines.values()].map(({ event, since }) => {
      const running = event.phase === 'preparing' || event.phase === 'running' || event.phase === 'scenario';
      const elapsed = running ? ` ${Math.round((this.now() - since) / 1000)} s` : '';
      const line = `${event.generator.padEnd(name)}  ${PHASE_TEXT[event.phase]}${event.detail ? ` (${event.detail})` : ''}${elapsed}`;
      return line.length > width ? `${line.slice(0, width - 1)}…` : line;
    });
  }
}
