/**
 * A promise the test resolves by hand: to hold a transaction open until it says so, or to wait
 * until a transaction has got as far as it needs.
 */
export function signal() {
  let fire = () => {};
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fired, fire };
}
