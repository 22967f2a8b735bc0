/**
 * The host API this build provides. Plugins declare a `hostApi` semver range; the host refuses
 * bundles whose range excludes this. Bump the minor for additive bridge methods, the major
 * when a method changes shape.
 */
export const HOST_API_VERSION = "1.1.0";
