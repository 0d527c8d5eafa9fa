import { AppError } from '../core/errors.ts';

export { AppError };

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`, 404);
export const badRequest = (code: string, message: string) => new AppError(code, message, 400);
