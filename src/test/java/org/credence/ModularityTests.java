package org.credence;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of {@code ../shared/STYLE.md}: each module uses only the API of
 * the modules it may use, never their internals. Also writes the module documentation.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(CredenceApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
