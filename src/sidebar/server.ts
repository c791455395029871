/**
 * Typed calls to the add-on's server functions over google.script.run (HtmlService's only bridge):
 * `await callServer('listSchemes')`. A server exception rejects with an Error carrying its message.
 */
import type { ServerFunctions } from './serverFunctions';

type Callable = { [K in keyof ServerFunctions]: ServerFunctions[K] extends (...args: any[]) => any ? K : never }[keyof ServerFunctions];

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  [name: string]: any;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRun } };
  }
}

export function callServer<K extends Callable>(
  name: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<Awaited<ReturnType<ServerFunctions[K]>>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error('google.script.run is not available'));
      return;
    }
    run
      .withSuccessHandler((value: unknown) => resolve(value as Awaited<ReturnType<ServerFunctions[K]>>))
      .withFailureHandler((error: unknown) => reject(error instanceof Error ? error : new Error(String((error as { message?: string })?.message ?? error))))
      [name](...args);
  });
}
