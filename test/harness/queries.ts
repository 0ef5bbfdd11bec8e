import type { TestApp } from './app.ts';

/**
 * Runs `act` while recording every query the app sends its database, each as the JSON of its
 * syntax tree, so a test can tell which tables an answer read (none, when it came from memory).
 */
export async function recordQueries<T>(t: TestApp, act: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const original = t.deps.db;
  const queries: string[] = [];
  t.deps.db = original.withPlugin({
    transformQuery: ({ node }) => {
      queries.push(JSON.stringify(node));
      return node;
    },
    transformResult: async ({ result }) => result,
  });
  try {
    return { result: await act(), queries };
  } finally {
    t.deps.db = original;
  }
}
