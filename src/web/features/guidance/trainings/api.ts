/** Staff training: the center's trainings, sessions, attendance and certificates; a director's staff and hours; the officials' shortfall. */
import { id, query, request, upload } from '../../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

type TrainingList = ResponseOf<'/api/v1/trainings', 'get'>;
export type Training = ItemOf<TrainingList>;
export type TrainingDetail = ResponseOf<'/api/v1/trainings/{id}', 'get'>;
export type Enrolment = TrainingDetail['enrolments'][number];
export type NewTraining = BodyOf<'/api/v1/trainings', 'post'>;
export type NewTrainingSession = BodyOf<'/api/v1/trainings/{id}/sessions', 'post'>;
export type Certificate = ResponseOf<'/api/v1/trainings/{id}/enrolments/{enrolmentId}/complete', 'post'>;
export type TrainingHours = ResponseOf<'/api/v1/training-hours', 'get'>;
export type StaffHours = TrainingHours['items'][number];
export type Shortfall = ResponseOf<'/api/v1/training-shortfall', 'get'>;
export type TrainingVerification = ResponseOf<'/api/v1/public/training-certificates/{code}', 'get'>;

export const getTrainings = () => request<TrainingList>('GET', '/api/v1/trainings');
export const getTraining = (trainingId: string) => request<TrainingDetail>('GET', `/api/v1/trainings/${id(trainingId)}`);
export const postTraining = (body: NewTraining) => request<Training>('POST', '/api/v1/trainings', body);
export const postSession = (trainingId: string, body: NewTrainingSession) =>
  request<unknown>('POST', `/api/v1/trainings/${id(trainingId)}/sessions`, body);
export const putSessionTime = (
  trainingId: string,
  sessionId: string,
  body: BodyOf<'/api/v1/trainings/{id}/sessions/{sessionId}/time', 'put'>,
) => request<unknown>('PUT', `/api/v1/trainings/${id(trainingId)}/sessions/${id(sessionId)}/time`, body);
export const postEnrolment = (trainingId: string, staffId: string) =>
  request<unknown>('POST', `/api/v1/trainings/${id(trainingId)}/enrolments`, { staffId });
export const putAttendance = (trainingId: string, sessionId: string, enrolmentIds: string[]) =>
  request<unknown>('PUT', `/api/v1/trainings/${id(trainingId)}/sessions/${id(sessionId)}/attendance`, { enrolmentIds });
export const postComplete = (trainingId: string, enrolmentId: string) =>
  request<Certificate>('POST', `/api/v1/trainings/${id(trainingId)}/enrolments/${id(enrolmentId)}/complete`);
export const postWithdraw = (trainingId: string, enrolmentId: string) =>
  request<unknown>('POST', `/api/v1/trainings/${id(trainingId)}/enrolments/${id(enrolmentId)}/withdraw`);
export const putTraining = (trainingId: string, body: NewTraining) =>
  request<TrainingDetail>('PUT', `/api/v1/trainings/${id(trainingId)}`, body);
export const postClose = (trainingId: string) => request<TrainingDetail>('POST', `/api/v1/trainings/${id(trainingId)}/close`);
/** A plain link: the browser downloads the PDF with the session cookie. */
export const certificatePdfHref = (certificateId: string) => `/api/v1/training-certificates/${id(certificateId)}/certificate.pdf`;
/** A plain link, like the certificate's. */
export const textbookPdfHref = (trainingId: string) => `/api/v1/trainings/${id(trainingId)}/textbook.pdf`;
export const postTextbook = (trainingId: string, file: File) =>
  upload<ResponseOf<'/api/v1/trainings/{id}/textbook', 'post'>>(`/api/v1/trainings/${id(trainingId)}/textbook`, file);
export const putTextbookShare = (trainingId: string, body: BodyOf<'/api/v1/trainings/{id}/textbook', 'put'>) =>
  request<ResponseOf<'/api/v1/trainings/{id}/textbook', 'put'>>('PUT', `/api/v1/trainings/${id(trainingId)}/textbook`, body);
export const getTrainingHours = (year?: number) =>
  request<TrainingHours>('GET', `/api/v1/training-hours?${query({ year: year === undefined ? undefined : String(year) })}`);
export const getShortfall = (divisionCode?: string) => request<Shortfall>('GET', `/api/v1/training-shortfall?${query({ divisionCode })}`);
export const getTrainingVerification = (code: string) =>
  request<TrainingVerification>('GET', `/api/v1/public/training-certificates/${encodeURIComponent(code)}`);
