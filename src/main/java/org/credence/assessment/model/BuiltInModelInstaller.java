package org.credence.assessment.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Installs the built-in models ({@link BuiltInModels}) as active version 1 on first
 * start, before the demo portfolio loads. A code that already has any version is left
 * alone, so a start after a manager changed or retired a model changes nothing.
 */
@Component
@Order(0)
class BuiltInModelInstaller implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BuiltInModelInstaller.class);

	private final ScoringModels models;

	BuiltInModelInstaller(ScoringModels models) {
		this.models = models;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (ModelDefinition model : BuiltInModels.all()) {
			if (this.models.install(model)) {
				log.info("Installed built-in scoring model {} v1", model.code());
			}
		}
	}

}
