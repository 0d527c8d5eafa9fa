import type { AppError } from '../../server/errors.ts';

/** The `error` of a JSON answer that raised this AppError (server/error-handler.ts). */
export const errorBody = (error: AppError) => ({ code: error.code, message: error.message });
