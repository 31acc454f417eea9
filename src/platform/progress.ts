// A progress bar on standard error for work longer than a second. It draws only on a terminal
// (pipes and CI logs get one line at the end) and at most ten times a second.

export interface Progress {
  update(done: number, total: number, label?: string): void;
  finish(message?: string): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr, options: { enabled?: boolean } = {}): Progress {
  const enabled = options.enabled ?? stream.isTTY === true;
  const started = Date.now();
  let lastDraw = 0;
  let lastLabel = '';
  return {
    update(done, total, label = lastLabel) {
      lastLabel = label;
      if (!enabled) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const width = 30;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * width);
      const seconds = ((now - started) / 1000).toFixed(1);
      stream.write(`\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${(share * 100).toFixed(0).padStart(3)}% ${label} (${seconds} s)\x1b[K`);
    },
    finish(message) {
      if (enabled) stream.write('\r\x1b[K');
      if (message) stream.write(`${message}\n`);
    },
  };
}
