export * from './courses.ts';
export * from './lectures.ts';
export * from './trainings.ts';
export * from './waitlist.ts';
