export * from "./actions";
export {
  type Actor as AccessActor,
  assertAuthorized,
  authorize,
  type Decision,
  type Resource,
  roleMay,
} from "./authorize";
export * from "./custom-roles";
export {
  FIXED_ROLE_GRANTS,
  grantsReach,
  isMemberLevelRole,
  type ModuleGrant,
  parseGrants,
} from "./grants";
export {
  listMemberAccess,
  MATRIX_MODULES,
  type MemberAccess,
  matrixModules,
} from "./list-member-access";
export { assignCustomRole, setSubaccountAccess } from "./member-access";
export {
  type BillingAccess,
  loadRequestContext,
  type RequestContext,
  requestContextInTransaction,
} from "./request-context";
export { accessInTransaction, findAccess } from "./resolve-access";
