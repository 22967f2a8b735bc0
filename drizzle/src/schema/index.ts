export * from "./identity";
export * from "./plugins";
export * from "./tenancy";
