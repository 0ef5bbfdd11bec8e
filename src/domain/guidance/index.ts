export * from './courses.ts';
export * from './waitlist.ts';
