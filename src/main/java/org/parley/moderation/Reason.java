package org.parley.moderation;

/** Why the pipeline held or rejected a comment: a stable code from the contract and a sentence for people. */
public record Reason(String code, String message) {
}
