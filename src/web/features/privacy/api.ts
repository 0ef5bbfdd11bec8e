/**
 * A parent's data rights (PIPL): the export of everything held, deletion requests and their
 * outcome; and the admin's review of those requests (no child's name).
 */
import { id, request } from '../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../api/types';

export type MyDeletionRequest = ItemOf<ResponseOf<'/api/v1/me/deletion-requests', 'get'>>;
export type DeletionRequestInput = BodyOf<'/api/v1/me/deletion-requests', 'post'>;
export type ReviewedDeletionRequest = ItemOf<ResponseOf<'/api/v1/deletion-requests', 'get'>>;
export type ErasureOutcomeItem = NonNullable<MyDeletionRequest['outcome']>[number];

/** Plain links: the browser downloads them with the session cookie. */
export const EXPORT_JSON_HREF = '/api/v1/me/export';
export const EXPORT_XLSX_HREF = '/api/v1/me/export?format=xlsx';

export const getMyDeletionRequests = () =>
  request<ResponseOf<'/api/v1/me/deletion-requests', 'get'>>('GET', '/api/v1/me/deletion-requests');
export const postDeletionRequest = (input: DeletionRequestInput) =>
  request<MyDeletionRequest>('POST', '/api/v1/me/deletion-requests', input);
export const getDeletionRequests = () => request<ResponseOf<'/api/v1/deletion-requests', 'get'>>('GET', '/api/v1/deletion-requests');
export const approveDeletionRequest = (requestId: string) =>
  request<ReviewedDeletionRequest>('POST', `/api/v1/deletion-requests/${id(requestId)}/approve`);
export const rejectDeletionRequest = (requestId: string, reason: string) =>
  request<ReviewedDeletionRequest>('POST', `/api/v1/deletion-requests/${id(requestId)}/reject`, { reason });
