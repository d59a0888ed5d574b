import fs from 'node:fs';

/**
 * Appends lines to a file and flushes them to disk off the main thread, so a bulk run's journal and
 * passwords file never stall the event loop (a flush takes milliseconds; requests go out meanwhile).
 * Appends are written in call order; those made while a flush runs are written together by the next
 * one (group commit). Each promise resolves once its data is on disk.
 */
export class DurableAppender {
  private handle: Promise<fs.promises.FileHandle>;
  private queued: { data: Buffer; sync: boolean; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private failed: unknown = null;

  constructor(readonly file: string) {
    this.handle = fs.promises.open(file, 'a', 0o600);
    // Reported by the first append; a handle that never opened must not be an unhandled rejection.
    this.handle.catch(() => undefined);
  }

  /**
   * Appends `text`; resolves when it is flushed to disk (or, with `sync: false`, once written: it
   * reaches the disk with the next flush or when the system writes it back), rejects with the write's error.
   */
  append(text: string, o: { sync?: boolean } = {}): Promise<void> {
    if (this.failed !== null) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queued.push({ data: Buffer.from(text, 'utf8'), sync: o.sync ?? true, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Resolves when everything appended so far is on disk (or has failed). */
  async settled(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
  }

  async close(): Promise<void> {
    await this.settled();
    try {
      await (await this.handle).close();
    } catch {
      // Closing a file that never opened or is already closed: nothing left to flush.
    }
  }

  private async flush(): Promise<void> {
    try {
      while (this.queued.length > 0) {
        const batch = this.queued;
        this.queued = [];
        try {
          const handle = await this.handle;
          const data = Buffer.concat(batch.map((b) => b.data));
          let done = 0;
          while (done < data.length) done += (await handle.write(data, done, data.length - done)).bytesWritten;
          if (batch.some((b) => b.sync)) await handle.datasync();
          for (const b of batch) b.resolve();
        } catch (error) {
          // After a failed write the file's end is unknown: refuse everything after it too.
          this.failed = error;
          for (const b of [...batch, ...this.queued]) b.reject(error);
          this.queued = [];
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
