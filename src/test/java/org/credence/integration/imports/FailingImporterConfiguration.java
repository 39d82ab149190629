package org.credence.integration.imports;

import java.util.List;

import org.credence.customer.CustomerDraft;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * An importer of customers ({@code customers-failing}) whose write fails, as a database
 * constraint would, for a code containing {@code FAIL}: to see that an import is never
 * half written.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingImporterConfiguration {

	public static final String KIND = "customers-failing";

	@Bean
	Importer<CustomerDraft> failingCustomerImporter(CustomerImporter customers) {
		return new Importer<>() {

			@Override
			public String kind() {
				return KIND;
			}

			@Override
			public List<ImportColumn> columns() {
				return customers.columns();
			}

			@Override
			public void authorise() {
				customers.authorise();
			}

			@Override
			public CustomerDraft read(ImportRow row) {
				return customers.read(row);
			}

			@Override
			public List<FieldProblem> problems(CustomerDraft item) {
				return customers.problems(item);
			}

			@Override
			public @Nullable String key(CustomerDraft item) {
				return customers.key(item);
			}

			@Override
			public String keyField() {
				return customers.keyField();
			}

			@Override
			public List<ImportWarning> write(CustomerDraft item) {
				if (item.code().contains("FAIL")) {
					throw new DataIntegrityViolationException("simulated constraint violation");
				}
				return customers.write(item);
			}

		};
	}

}
