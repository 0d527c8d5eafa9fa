// Uploads are streamed to a folder beside the database, not the system's temporary folder: the
// files hold patient-level rows, so they stay on the volume (and under the permissions) chosen for
// the data, and a large upload cannot fill a RAM-backed /tmp. A server killed mid-upload leaves its
// copy behind; the next start clears the folder, which only the server holding the database uses.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

export function scratchDirFor(dbPath: string): string {
  return `${dbPath}.uploads`;
}

/** Creates the folder (owner-only) if needed. */
export async function ensureScratchDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** Deletes whatever an earlier, interrupted server left in the folder; returns how many files. */
export async function clearScratchDir(dir: string): Promise<number> {
  await ensureScratchDir(dir);
  const names = await readdir(dir);
  await Promise.all(names.map((name) => rm(join(dir, name), { recursive: true, force: true })));
  return names.length;
}
