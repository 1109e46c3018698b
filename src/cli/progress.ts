/**
 * A one-line progress bar on standard error, drawn only when stderr is a terminal (so logs and
 * CI output stay clean). Redraws at most every 100 ms.
 */
export class Progress {
  private last = 0;
  private readonly tty: boolean;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  /** Shows `done` items (of `total` when known) and the bytes processed so far. */
  update(done: number, total?: number, bytes?: number): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const secs = Math.max((now - this.started) / 1000, 0.001);
    const rate = bytes !== undefined ? ` ${(bytes / 1e6 / secs).toFixed(1)} MB/s` : "";
    let bar = "";
    if (total) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] `;
    }
    const count = total ? `${done}/${total}` : `${done}`;
    this.stream.write(`\r${this.label} ${bar}${count} docs${rate}   `);
  }

  /** Clears the bar line. */
  done(): void {
    if (this.tty) this.stream.write("\r\x1b[K");
  }
}
