/** Makes a `switch` exhaustive: a new union member fails the build wherever it is not handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
