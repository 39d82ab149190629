package org.credence.limit.line;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.credence.limit.CreditLineStatus;
import org.jspecify.annotations.Nullable;

/**
 * A customer group's limit (集团额度) beside the lines of its members.
 *
 * @param limit the group limit, absent when none was set
 * @param memberLimits the sum of the limits of the members' lines that have not expired,
 * in {@code currency} (members in other currencies converted at today's rates); absent
 * for a caller who may not see every member (it would tell their limits)
 * @param exceeded whether the members' limits together exceed the group limit (told also
 * to a caller who does not see every member)
 * @param members the members the caller may see, with their lines
 * @param memberCount every member of the group, also those the caller may not see
 */
public record GroupLimit(String groupCode, @Nullable String groupName, @Nullable BigDecimal limit, String currency,
		@Nullable Instant setAt, @Nullable String setBy, @Nullable String reason, @Nullable BigDecimal memberLimits,
		boolean exceeded, List<Member> members, int memberCount) {

	/**
	 * What is left of the group limit for its members' lines; absent without one, or when
	 * the caller does not see every member.
	 */
	public @Nullable BigDecimal headroom() {
		return this.limit == null || this.memberLimits == null ? null : this.limit.subtract(this.memberLimits);
	}

	/** A member of the group and its line today, if any. */
	public record Member(String code, String name, @Nullable BigDecimal limit, @Nullable String currency,
			@Nullable CreditLineStatus status) {
	}

}
