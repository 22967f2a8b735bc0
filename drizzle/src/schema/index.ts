export * from "./identity";
export * from "./tenancy";
