import 'server-only';

/**
 * The advisory lock key of the audit chain's head ("audt"): appends are serialised under it so the
 * chain never forks. Tests and fault cases hold it to stop a write between its change and its event.
 */
export const AUDIT_CHAIN_LOCK_KEY = 0x61756474;
