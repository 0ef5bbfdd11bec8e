export * from './courses.ts';
export * from './trainings.ts';
export * from './waitlist.ts';
