/**
 * Reporting: the workbench and, later, dashboards, KPIs, provisions and exports. It reads
 * every other module through its API and changes nothing; no module uses it.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.credence.reporting;

import org.jspecify.annotations.NullMarked;
