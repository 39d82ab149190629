package org.credence.limit;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A customer group's limit (集团额度) was set, changed or removed. The exposure module keeps
 * the group's available amount from it.
 *
 * @param limit the group limit now, absent when it was removed
 */
public record GroupLimitChanged(String groupCode, @Nullable BigDecimal limit, String currency) {
}
