/** Outgoing SMS and e-mail as the admin sees them: the failed ones, and sending one again. */
import { id, request } from '../../../api/client';
import type { ItemOf, ResponseOf } from '../../../api/types';

export type MessageList = ResponseOf<'/api/v1/admin/messages', 'get'>;
export type OutboundMessage = ItemOf<MessageList>;

export const getFailedMessages = (page: number, pageSize: number) =>
  request<MessageList>('GET', `/api/v1/admin/messages?status=failed&page=${page}&pageSize=${pageSize}`);
export const retryMessage = (messageId: string) => request<OutboundMessage>('POST', `/api/v1/admin/messages/${id(messageId)}/retry`);
