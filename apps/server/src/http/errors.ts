/** An error whose message is meant for the user (Russian) and whose status is meant for the client. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export const unauthorized = (message = 'Требуется вход в систему') => new AppError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = 'Недостаточно прав для этого действия') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = 'Не найдено') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (message: string) => new AppError(409, 'CONFLICT', message);
export const badRequest = (message: string, details?: { path: string; message: string }[]) =>
  new AppError(400, 'BAD_REQUEST', message, details);
export const tooManyRequests = (message: string) => new AppError(429, 'TOO_MANY_REQUESTS', message);
