export { AUDIT_EXPORT_MAX_ROWS, auditCsv, exportAuditCsv } from "./export-csv";
export { type AuditFilters, type AuditRecord, auditWhere, findAuditRecords } from "./find-audit";
export { type AuditActor, type AuditEntry, type RequestMeta, recordAudit } from "./record";
export { recordSignIn, type SignInAttempt } from "./sign-in";
