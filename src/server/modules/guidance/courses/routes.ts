import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { checkIn, getRatings, getRoster, giveFeedback } from './attendance.ts';
import { bookSession, cancelBooking, confirmOffer, listMyBookings } from './bookings.ts';
import { addSession, createCourse, getCourse, listCourses, setSessionSeats } from './catalogue.ts';
import { finishLecture, openLecture } from './lectures.ts';
import { rescheduleSession } from './reschedule.ts';
import {
  BookingBody,
  BookingCreated,
  CheckedIn,
  CheckInBody,
  CourseDetail,
  CourseQuery,
  CourseRatings,
  CourseView,
  FeedbackBody,
  IdParams,
  LectureView,
  MyBooking,
  NewCourse,
  NewSession,
  Roster,
  SeatsBody,
  SessionTimeBody,
  SessionView,
} from './schemas.ts';

const tags = ['guidance: courses'];
const Responses = { ...ErrorResponses, 409: ErrorBody, 422: ErrorBody };

export async function courseRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  // Center staff are checked against the guidance-center setting in the service.
  const staff = { access: roles('institution_admin', 'caregiver', 'city_official', 'admin') };
  const parent = { access: roles('parent') };

  app.get('/api/v1/courses', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '课程目录 Courses with a session in the dates asked, by audience and child’s age',
      querystring: CourseQuery,
      response: { 200: z.object({ items: z.array(CourseView) }), ...Responses },
    },
    handler: async (request) => ({ items: await listCourses(deps, request.query) }),
  });

  app.get('/api/v1/courses/:id', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '课程详情 A course with its sessions and seats left',
      params: IdParams,
      response: { 200: CourseDetail, ...Responses },
    },
    handler: (request) => getCourse(deps, request.params.id),
  });

  app.post('/api/v1/courses', {
    config: staff,
    schema: {
      tags,
      summary: '新建课程 Create a course (guidance center staff, city officials)',
      body: NewCourse,
      response: { 201: CourseDetail, ...Responses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createCourse(deps, scope(request), request.body, auditContext(request))),
  });

  app.post('/api/v1/courses/:id/sessions', {
    config: staff,
    schema: {
      tags,
      summary: '新增课次 Add a session with its seats',
      params: IdParams,
      body: NewSession,
      response: { 201: SessionView, ...Responses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addSession(deps, scope(request), request.params.id, request.body, auditContext(request))),
  });

  app.put('/api/v1/sessions/:id/seats', {
    config: staff,
    schema: {
      tags,
      summary: '调整名额 Set a session’s seats; added seats are offered down the waitlist',
      params: IdParams,
      body: SeatsBody,
      response: { 200: SessionView, ...Responses },
    },
    handler: (request) => setSessionSeats(deps, scope(request), request.params.id, request.body.seats, auditContext(request)),
  });

  app.put('/api/v1/sessions/:id/time', {
    config: staff,
    schema: {
      tags,
      summary: '调整课次时间 Move a session not yet started to a new time (not in the past); everyone booked or waiting is told',
      params: IdParams,
      body: SessionTimeBody,
      response: { 200: SessionView, ...Responses },
    },
    handler: (request) => rescheduleSession(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });

  app.get('/api/v1/sessions/:id/bookings', {
    config: staff,
    schema: { tags, summary: '课次名单 The session’s bookings and waitlist', params: IdParams, response: { 200: Roster, ...Responses } },
    handler: (request) => getRoster(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.get('/api/v1/courses/:id/ratings', {
    config: staff,
    schema: { tags, summary: '课程评价 Ratings per course and session', params: IdParams, response: { 200: CourseRatings, ...Responses } },
    handler: (request) => getRatings(deps, scope(request), request.params.id),
  });

  app.post('/api/v1/sessions/:id/bookings', {
    config: parent,
    schema: {
      tags,
      summary: '预约课次 Book a seat for one’s child (or oneself, for a parent class); full → waitlist',
      params: IdParams,
      body: BookingBody,
      response: { 201: BookingCreated, ...Responses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await bookSession(deps, scope(request), request.params.id, request.body, auditContext(request))),
  });

  app.get('/api/v1/bookings', {
    config: parent,
    schema: { tags, summary: '我的预约 The parent’s bookings', response: { 200: z.object({ items: z.array(MyBooking) }), ...Responses } },
    handler: async (request) => ({ items: await listMyBookings(deps, scope(request)) }),
  });

  for (const [action, summary, run] of [
    ['cancel', '取消预约 Cancel, until the deadline before the session', cancelBooking],
    ['confirm', '确认候补名额 Confirm a seat offered from the waitlist', confirmOffer],
  ] as const) {
    app.post(`/api/v1/bookings/:id/${action}`, {
      config: parent,
      schema: { tags, summary, params: IdParams, response: { 204: z.null(), ...Responses } },
      handler: async (request, reply) => {
        await run(deps, scope(request), request.params.id, auditContext(request));
        return reply.status(204).send(null);
      },
    });
  }

  for (const [action, summary, run] of [
    [
      'open',
      '进入线上讲座 Open the live link or recording, from the session’s start to its end; the first opening is recorded',
      openLecture,
    ],
    [
      'finish',
      '看完线上讲座 Record that the lecture was watched to its end (video ended, a recording’s length after opening, or present at a live lecture’s end)',
      finishLecture,
    ],
  ] as const) {
    app.post(`/api/v1/bookings/:id/${action}`, {
      config: parent,
      schema: { tags, summary, params: IdParams, response: { 200: LectureView, ...Responses } },
      handler: (request) => run(deps, scope(request), request.params.id, auditContext(request)),
    });
  }

  app.post('/api/v1/bookings/:id/check-in', {
    config: staff,
    schema: {
      tags,
      summary: '签到 Check a booking in with its QR code',
      params: IdParams,
      body: CheckInBody,
      response: { 200: CheckedIn, ...Responses },
    },
    handler: (request) => checkIn(deps, scope(request), request.params.id, request.body.code, auditContext(request)),
  });

  app.post('/api/v1/bookings/:id/feedback', {
    config: parent,
    schema: {
      tags,
      summary: '评价 Rate a session after it ends (1–5) with a comment',
      params: IdParams,
      body: FeedbackBody,
      response: { 204: z.null(), ...Responses },
    },
    handler: async (request, reply) => {
      await giveFeedback(deps, scope(request), request.params.id, request.body, auditContext(request));
      return reply.status(204).send(null);
    },
  });
}
