// Schemas and helpers shared by routes.
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'RELAIS_REQUEST_INVALID' }),
      message: z.string(),
      field: z.string().optional().openapi({ description: 'Where the fault is, e.g. body.email' }),
      hint: z.string().optional(),
    }),
  })
  .openapi('Error');

export const WorkspaceParam = z.object({
  workspace: z.string().min(1).max(63).openapi({ param: { name: 'workspace', in: 'path' }, example: 'cimes' }),
});

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description } as const;
}
