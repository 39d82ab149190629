/**
 * Small value types every module uses: money with its currency, paged results, and the
 * family of business refusals that the web layer turns into problem details.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Shared",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.credence.shared;

import org.jspecify.annotations.NullMarked;
