/**
 * Whether SIGINT or SIGTERM arrived. A module of its own, so that the CLI shell sets it in the
 * signal handler itself, before any await: the writer checks it right after it yields to the
 * event loop (the moment a signal that arrived during a long synchronous conversion is
 * delivered), and a flag set only after an `await import(…)` in the handler could come too late.
 */
let requested = false;

export function requestInterrupt(): void {
  requested = true;
}

export function interruptRequested(): boolean {
  return requested;
}
