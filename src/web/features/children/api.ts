/**
 * Children (幼儿): the guardian's children and the child's record with guardians and consent, who
 * may collect the child (接送人), and who read or changed the record (the access log).
 */
import { id, request } from '../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../api/types';

/** The child as a guardian sees the full record, with residence and guardians. */
export type ChildRecord = ResponseOf<'/api/v1/children/{id}', 'get'>;
type ChildList = ResponseOf<'/api/v1/children', 'get'>;
export type NewChildInput = BodyOf<'/api/v1/children', 'post'>;
export type GuardianRelation = NewChildInput['relation'];

/** One read or change of the child's record, newest first (the audit log's entries on the child). */
export type AccessLogEntry = ItemOf<ResponseOf<'/api/v1/children/{id}/access-log', 'get'>>;

/** 接送人. The resident ID only ever arrives masked; the full number never leaves the server. */
export type PickupPerson = ItemOf<ResponseOf<'/api/v1/children/{id}/pickup-persons', 'get'>>;
export type NewPickupPerson = BodyOf<'/api/v1/children/{id}/pickup-persons', 'post'>;
export type PickupRelation = PickupPerson['relation'];
export const PICKUP_RELATIONS: readonly PickupRelation[] = ['mother', 'father', 'grandparent', 'relative', 'nanny', 'other'];

export const getMyChildren = () => request<ChildList>('GET', '/api/v1/children');
export const postChild = (input: NewChildInput) => request<ChildRecord>('POST', '/api/v1/children', input);

export const getAccessLog = (childId: string) =>
  request<ResponseOf<'/api/v1/children/{id}/access-log', 'get'>>('GET', `/api/v1/children/${id(childId)}/access-log`);
export const getPickupPersons = (childId: string) =>
  request<ResponseOf<'/api/v1/children/{id}/pickup-persons', 'get'>>('GET', `/api/v1/children/${id(childId)}/pickup-persons`);
export const postPickupPerson = (childId: string, input: NewPickupPerson) =>
  request<PickupPerson>('POST', `/api/v1/children/${id(childId)}/pickup-persons`, input);
export const deletePickupPerson = (childId: string, personId: string) =>
  request<void>('DELETE', `/api/v1/children/${id(childId)}/pickup-persons/${id(personId)}`);
