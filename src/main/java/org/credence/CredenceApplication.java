package org.credence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Credence, a customer credit risk management system: credit files, assessments, credit
 * lines, receivables, exposure and order credit checks, in one modular application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CredenceApplication {

	public static void main(String[] args) {
		SpringApplication.run(CredenceApplication.class, args);
	}

}
