package org.credence.identity;

import org.jspecify.annotations.Nullable;

/**
 * The result of re-computing the audit trail's hash chain.
 *
 * @param intact whether every entry's hash matches its content and links to its
 * predecessor
 * @param checked how many entries were checked
 * @param brokenAt the sequence number of the first entry that does not match, when broken
 * @param problem {@code HASH_MISMATCH} (content changed), {@code LINK_BROKEN} (an entry
 * removed or re-ordered) or {@code GAP} (a sequence number missing), when broken
 */
public record ChainVerification(boolean intact, long checked, @Nullable Long brokenAt, @Nullable String problem) {
}
