/** A nominal type: a `number` that the compiler will not mix up with other numbers. */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };
