export { authenticateDevice } from "./authenticate-device";
export { claimDevice } from "./claim-device";
export { type DeviceSummary, listDevices } from "./list-devices";
export { normalizePairingCode, PAIRING_ALPHABET, PAIRING_CODE_LENGTH } from "./pairing-code";
export { type PollResult, pollDevicePairing } from "./poll-pairing";
export { revokeDevice } from "./revoke-device";
export { type StartedPairing, startDevicePairing } from "./start-pairing";
