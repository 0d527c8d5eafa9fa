import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../errors.ts';

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
          throw new AppError('too_large', `The file is larger than the ${Math.round(maxBytes / 1048576)} MB limit. Split it by month, or ask an administrator to raise PARITY_MAX_UPLOAD_MB.`, 413);
        }
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    await discard();
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('too_large', 'The file is larger than this server accepts.', 413);
    }
    throw badRequest('invalid_upload', 'The upload could not be read. Send it as multipart/form-data with a "file" part and a "dataset" field.');
  }
  if (!path) throw badRequest('no_file', 'No file was uploaded. Send the CSV as the "file" part of a multipart/form-data request.');
  return { path, fileName, fields, discard };
}
