/**
 * The time the system lives in. Normally the wall clock; a demo or a test can start the clock at
 * another instant (e.g. inside the 2019 round's window in January 2020), after which it ticks on
 * in real time so "saved at" stamps keep their order.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that reads `start` now and advances with real time. */
export function clockFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
