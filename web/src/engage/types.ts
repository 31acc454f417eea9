// Engage's API shapes, from the generated OpenAPI types.
import type { paths } from '../api/schema.d.ts';

type Ok<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer Body } } } } } ? Body : never;
export type ConversationDetail = Ok<'/api/v1/w/{workspace}/inbox/{id}'>;
export type Conversation = ConversationDetail['conversation'];
export type Member = Ok<'/api/v1/w/{workspace}/members'>['members'][number];
export type Rota = Ok<'/api/v1/w/{workspace}/rota'>;
