/**
 * Writes many rows a batch at a time: PostgreSQL takes at most 65,535 bind parameters per
 * statement, and the demo writes tens of thousands of rows. Each caller names its table in its
 * own `write`, so the statement stays typed and says which table it touches.
 */
export async function inChunks<T>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}
