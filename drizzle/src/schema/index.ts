export * from "./access";
export * from "./api-keys";
export * from "./audit";
export * from "./devices";
export * from "./identity";
export * from "./mfa";
export * from "./plugins";
export * from "./tenancy";
