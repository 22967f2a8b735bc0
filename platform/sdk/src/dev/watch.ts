import { type FSWatcher, watch } from "node:fs";

const IGNORED = /(^|\/)(node_modules|dist|\.turbo|\.git)(\/|$)/;

/**
 * Calls `onChange` once per burst of file changes (editors write several times per save).
 * Changes that land while `onChange` runs schedule one more run afterwards, never two at once.
 */
export function watchFolder(dir: string, onChange: () => Promise<void>, debounceMs = 80) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = onChange().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        run();
      }
    });
  };
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, file) => {
    if (file && IGNORED.test(String(file))) return;
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  });
  return {
    async close() {
      clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
