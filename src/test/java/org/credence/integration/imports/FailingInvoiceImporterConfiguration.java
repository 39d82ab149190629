package org.credence.integration.imports;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.credence.receivable.InvoiceEntry;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An importer of invoices ({@code invoices-failing}) that fails, as a crash would, while
 * reading a row whose external id contains {@code CRASH}: the rows before it are already
 * streamed into the receivable module's transaction by then. To see that such an import
 * writes nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingInvoiceImporterConfiguration {

	public static final String KIND = "invoices-failing";

	@Bean
	BulkImporter<InvoiceEntry> failingInvoiceImporter(InvoiceImporter invoices) {
		return new BulkImporter<>() {

			@Override
			public String kind() {
				return KIND;
			}

			@Override
			public List<ImportColumn> columns() {
				return invoices.columns();
			}

			@Override
			public void authorise() {
				invoices.authorise();
			}

			@Override
			public InvoiceEntry read(ImportRow row) {
				if (row.textOrEmpty("externalId").contains("CRASH")) {
					throw new IllegalStateException("simulated crash at row " + row.number());
				}
				return invoices.read(row);
			}

			@Override
			public String keyField() {
				return invoices.keyField();
			}

			@Override
			public Written writeAll(Consumer<Consumer<Read<InvoiceEntry>>> rows, ImportMode mode, String fileSha256,
					IntConsumer progress) {
				return invoices.writeAll(rows, mode, fileSha256, progress);
			}

		};
	}

}
