/** Complaints (投诉): filed by anyone, handled by the district or the city, followed and rated by the complainant. */
import { id, query, request } from '../../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type Complaint = ItemOf<ResponseOf<'/api/v1/complaints', 'get'>>;
export type ComplaintInput = BodyOf<'/api/v1/complaints', 'post'>;
export type ComplaintTransition = BodyOf<'/api/v1/complaints/{id}/transitions', 'post'>;
export type ComplaintRating = BodyOf<'/api/v1/complaints/{id}/rating', 'post'>;
export type ComplaintFilter = { mine?: 'true'; status?: Complaint['status']; overdue?: 'true' };

export const getComplaints = (filter: ComplaintFilter) =>
  request<ResponseOf<'/api/v1/complaints', 'get'>>('GET', `/api/v1/complaints?${query(filter)}`);
export const postComplaint = (input: ComplaintInput) =>
  request<ResponseOf<'/api/v1/complaints', 'post'>>('POST', '/api/v1/complaints', input);
export const postTransition = (complaintId: string, body: ComplaintTransition) =>
  request<Complaint>('POST', `/api/v1/complaints/${id(complaintId)}/transitions`, body);
export const postRating = (complaintId: string, body: ComplaintRating) =>
  request<Complaint>('POST', `/api/v1/complaints/${id(complaintId)}/rating`, body);
export const postInspectionOrder = (complaintId: string) =>
  request<ResponseOf<'/api/v1/complaints/{id}/inspection', 'post'>>('POST', `/api/v1/complaints/${id(complaintId)}/inspection`);
export const photoHref = (complaintId: string, photoId: string) => `/api/v1/complaints/${id(complaintId)}/photos/${id(photoId)}`;
