import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import * as messages from '../../messages.ts';

export interface ReceivedUpload {
  path: string;
  fileName: string;
  fields: Record<string, string>;
  /** Deletes the temporary copy. */
  discard: () => Promise<void>;
}

/** Streams the multipart `file` to a file in `dir` (never held in memory) and collects the fields. */
export async function receiveUpload(request: FastifyRequest, maxBytes: number, dir: string): Promise<ReceivedUpload> {
  const fields: Record<string, string> = {};
  let path: string | null = null;
  let fileName = 'upload.csv';
  const discard = async () => {
    if (path) await rm(path, { force: true });
  };
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        path = join(dir, `parity-upload-${randomUUID()}.csv`);
        fileName = part.filename || fileName;
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated) {
          throw messages.uploadOverLimit(maxBytes);
        }
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    await discard();
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw messages.uploadTooLarge();
    }
    throw messages.unreadableUpload();
  }
  if (!path) throw messages.noFileUploaded();
  return { path, fileName, fields, discard };
}
