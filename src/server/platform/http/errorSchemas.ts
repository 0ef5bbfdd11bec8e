import { z } from 'zod';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('A stable code from platform/errors/codes.ts'),
      message: z.string().describe("In the caller's language"),
      details: z.unknown().optional(),
    }),
  })
  .describe('Error');

/** The error responses every route may give, for the OpenAPI document. */
export const ErrorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  429: ErrorBody,
} as const;
