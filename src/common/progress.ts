import { SingleBar, Presets } from "cli-progress";

export interface Progress {
  tick(by?: number): void;
  done(): void;
}

/**
 * Progress of a long run on stderr: a bar when attached to a terminal, otherwise plain lines at
 * every tenth (so logs of CI and cron runs stay readable).
 */
export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {value}/{total} {percentage}% {eta_formatted}`, stream, clearOnComplete: false },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (by = 1) => bar.increment(by), done: () => bar.stop() };
  }
  let value = 0;
  let reported = -1;
  return {
    tick(by = 1) {
      value += by;
      const tenth = total === 0 ? 10 : Math.floor((value / total) * 10);
      if (tenth > reported) {
        reported = tenth;
        stream.write(`${label}: ${value}/${total}\n`);
      }
    },
    done() {
      if (reported < 10) stream.write(`${label}: ${value}/${total}\n`);
    },
  };
}
