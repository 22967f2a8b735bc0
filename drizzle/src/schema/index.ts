export * from "./access";
export * from "./audit";
export * from "./identity";
export * from "./plugins";
export * from "./tenancy";
