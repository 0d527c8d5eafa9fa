/** The application's coded errors: a code a script can test, a message a person can act on. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`, 404);
export const badRequest = (code: string, message: string) => new AppError(code, message, 400);
