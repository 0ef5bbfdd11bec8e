import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import type { EnrollmentHooks } from '../common/hooks.ts';
import { ChildDayParams, IdParams, MonthQuery } from '../common/schemas.ts';
import { recordMorningCheck } from './morningChecks.ts';
import {
  AttendanceInput,
  AttendanceView,
  ChildMonthView,
  ClassDayQuery,
  ClassDayView,
  MorningCheckInput,
  MorningCheckRecorded,
} from './schemas.ts';
import { getChildMonth, getClassDay, recordAttendance } from './service.ts';

export async function attendanceRoutes(server: FastifyInstance, deps: Deps, hooks: EnrollmentHooks) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['daily care'];
  const staff = { access: roles('institution_admin', 'caregiver') };

  app.get('/api/v1/classes/:id/attendance', {
    config: staff,
    schema: {
      tags,
      summary: '班级考勤 The class on a day: each child, attendance, morning check, who may collect them (audited)',
      params: IdParams,
      querystring: ClassDayQuery,
      response: { 200: ClassDayView, ...ErrorResponses },
    },
    handler: (request) => getClassDay(deps, hooks, scope(request), request.params.id, request.query.date, auditContext(request)),
  });

  app.put('/api/v1/children/:id/attendance/:date', {
    config: staff,
    schema: {
      tags,
      summary: '记录考勤 The child’s record of the day, written whole: check-in/out with pick-up, or absence',
      description:
        'One record per child per day (upsert). No future days; times fall on the day (Asia/Shanghai) and not after now; ' +
        'check-out not before check-in and only to a guardian or an authorised pick-up person (422 PICKUP_NOT_AUTHORISED).',
      params: ChildDayParams,
      body: AttendanceInput,
      response: { 200: AttendanceView, 422: ErrorBody, ...ErrorResponses },
    },
    handler: (request) =>
      recordAttendance(deps, scope(request), request.params.id, request.params.date, request.body, auditContext(request)),
  });

  app.get('/api/v1/children/:id/attendance', {
    config: { access: roles('parent', 'institution_admin', 'caregiver') },
    schema: {
      tags,
      summary: '幼儿月考勤 The child’s days in a month, with morning checks (audited)',
      params: IdParams,
      querystring: MonthQuery,
      response: { 200: ChildMonthView, ...ErrorResponses },
    },
    handler: (request) => getChildMonth(deps, hooks, scope(request), request.params.id, request.query.month, auditContext(request)),
  });

  app.put('/api/v1/children/:id/morning-checks/:date', {
    config: staff,
    schema: {
      tags,
      summary: '晨检 The child’s morning check of the day: temperature, listed symptoms, note (upsert)',
      description:
        'A fever (at or above the fever line, 37.3 °C by default) or a red-flag sign sets `unwell` and tells the child’s ' +
        'guardians (kind enrollment.unwell_at_check, SMS by default) in the same transaction, once per child and day.',
      params: ChildDayParams,
      body: MorningCheckInput,
      response: { 200: MorningCheckRecorded, ...ErrorResponses },
    },
    handler: (request) =>
      recordMorningCheck(deps, hooks, scope(request), request.params.id, request.params.date, request.body, auditContext(request)),
  });
}
