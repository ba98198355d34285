import type { ErrorCode } from '../../shared/contract/define.ts';

/** An error the clerk can read: its message is Chinese and names what is wrong. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: { field: string; message: string }[];
  constructor(code: ErrorCode, message: string, issues?: { field: string; message: string }[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
}
