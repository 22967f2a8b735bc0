/**
 * Runs in a fresh context before the bundle, with `$0` = Reference to the worker's bridge
 * function. Only a closure keeps the Reference; the plugin sees a frozen `host.call` that
 * takes two strings and returns a promise of a string. Intrinsics are captured now, before
 * plugin code can patch them, and the transfer options have null prototypes so a plugin that
 * pollutes Object.prototype cannot change how arguments cross (e.g. to `reference: true`).
 */
export const BOOTSTRAP = `"use strict";
const ref = $0;
const apply = Reflect.apply;
const refApply = ref.apply;
const defineProperty = Object.defineProperty;
const freeze = Object.freeze;
const TypeErr = TypeError;
const options = freeze({ __proto__: null,
  arguments: freeze({ __proto__: null, copy: true }),
  result: freeze({ __proto__: null, promise: true, copy: true }) });
// Off-heap or cross-thread memory the isolate's memoryLimit does not fully govern.
for (const name of ["WebAssembly", "SharedArrayBuffer", "Atomics"]) delete globalThis[name];
const host = freeze({ __proto__: null,
  call(method, argsJson) {
    if (typeof method !== "string" || typeof argsJson !== "string") {
      throw new TypeErr("host.call(method, argsJson) takes two strings");
    }
    return apply(refApply, ref, [undefined, [method, argsJson], options]);
  } });
defineProperty(globalThis, "host", { value: host, writable: false, configurable: false, enumerable: false });
`;
