package org.credence.receivable.aging;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which customers an aging covers; every part may be absent, and all that are given
 * apply.
 *
 * @param scopeOwner the caller's data scope: only this owner's customers
 * @param customerCodes only these customers
 */
public record AgingSelection(@Nullable String scopeOwner, @Nullable String ownerUsername, @Nullable String industry,
		@Nullable String groupCode, @Nullable List<String> customerCodes) {

	public static AgingSelection of(String customerCode) {
		return new AgingSelection(null, null, null, null, List.of(customerCode));
	}

}
