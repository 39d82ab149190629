package org.credence.integration.bank;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.credence.IntegrationTest;
import org.credence.customer.BankAccounts;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Users;
import org.credence.integration.imports.FileImports;
import org.credence.integration.imports.ImportMode;
import org.credence.integration.imports.ImportResult;
import org.credence.receivable.BankReceipt;
import org.credence.receivable.BankReceiptStatus;
import org.credence.receivable.BankReceipts;
import org.credence.receivable.InvoiceStatus;
import org.credence.receivable.Payment;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.ReceiptMatch;
import org.credence.receivable.Receivables;
import org.credence.shared.InvalidInputException;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class BankStatementImportIntegrationTests {

	@Autowired
	BankStatementImporter importer;

	@Autowired
	FileImports imports;

	@Autowired
	BankReceipts receipts;

	@Autowired
	BankAccounts bankAccounts;

	@Autowired
	Receivables receivables;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	AuditTrail auditTrail;

	ReceivableFixtures fixtures;

	@Autowired
	org.credence.receivable.FxRates fxRates;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
	}

	@Test
	void matchesMt940CreditsByInvoiceNumberBankAccountAndAmountAndQueuesTheRest() {
		String byInvoice = this.fixtures.customer();
		String invoice = this.fixtures.invoiceOf(byInvoice, "300.00", "2026-02-01", "2026-03-01");
		String byAccount = this.fixtures.customer();
		String older = this.fixtures.invoiceOf(byAccount, "100.00", "2026-01-01", "2026-01-31");
		String newer = this.fixtures.invoiceOf(byAccount, "500.00", "2026-02-01", "2026-02-28");
		String account = "NL" + digits(2) + "TEST" + digits(10);
		this.currentUser.asSystem(() -> this.bankAccounts.add(byAccount, spaced(account), "Test bank"));
		String byAmount = this.fixtures.customer();
		String amount = uniqueAmount();
		String amountInvoice = this.fixtures.invoiceOf(byAmount, amount.replace(',', '.'), "2026-02-01", "2026-03-15");
		String unique = ReceivableFixtures.unique("ST");
		String mt940 = String.join("\r\n", ":20:" + unique, ":25:NL01COMP" + digits(10), ":28C:1/1",
				":60F:C260301CNY1000,00",
				// 1: an invoice number in the remittance text
				":61:2603020302C300,00NTRFNONREF//B1" + unique,
				":86:/EREF/E1//CNTP/NL11OTHR0000000001/OTHRNL2A/" + "SOMEBODY ELSE///REMI/USTD//Payment of " + invoice
						+ " thank you/",
				// 2: from the customer's account, part of what it owes
				":61:2603020302C150,00NTRFNONREF//B2" + unique,
				":86:/CNTP/" + account + "/TESTNL2A/A PAYER///REMI/USTD//March/",
				// 3: the one open invoice with this open amount
				":61:2603020302C" + amount + "NTRFNONREF//B3" + unique, ":86:NO REFERENCE AT ALL",
				// 4: nothing fits
				":61:2603020302C7,13NTRFNONREF//B4" + unique, ":86:UNKNOWN SENDER",
				// 5: money out
				":61:2603020302D40,00NTRFNONREF//B5" + unique, ":86:/REMI/USTD//Bank fees " + invoice + "/",
				":62F:C260302CNY" + closing("1000.00", "300.00", "150.00", amount.replace(',', '.'), "7.13", "-40.00"),
				"-");

		BankStatementImport report = this.fixtures.asFinance(() -> this.importer.importStatements(bytes(mt940)));

		assertThat(report.entries()).isEqualTo(5);
		assertThat(report.credits()).isEqualTo(4);
		assertThat(report.debitsSkipped()).isEqualTo(1);
		assertThat(report.matched()).isEqualTo(3);
		assertThat(report.unmatched()).isEqualTo(1);
		List<BankReceipt> stored = report.receipts();
		assertThat(stored).extracting(BankReceipt::match)
			.containsExactly(ReceiptMatch.INVOICE_NUMBER, ReceiptMatch.BANK_ACCOUNT, ReceiptMatch.AMOUNT, null);
		assertThat(stored).extracting(BankReceipt::customerCode).containsExactly(byInvoice, byAccount, byAmount, null);
		assertThat(stored.get(3).status()).isEqualTo(BankReceiptStatus.UNMATCHED);
		assertThat(stored.get(3).reasonCode()).isEqualTo("NO_MATCH");
		assertThat(this.fixtures.invoice(invoice).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(this.fixtures.invoice(older).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(this.fixtures.invoice(newer).openAmount()).isEqualByComparingTo("450.00");
		assertThat(this.fixtures.invoice(amountInvoice).status()).isEqualTo(InvoiceStatus.PAID);
		Payment payment = this.fixtures.asFinance(() -> this.receivables.payment(stored.get(0).paymentExternalId()));
		assertThat(payment.amount()).isEqualByComparingTo("300.00");
		assertThat(payment.receivedDate()).isEqualTo("2026-03-02");
		assertThat(payment.allocations()).singleElement()
			.satisfies(a -> assertThat(a.invoiceNumber()).isEqualTo(invoice));
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(byAccount))).hasSize(1);

		BankStatementImport again = this.fixtures.asFinance(() -> this.importer.importStatements(bytes(mt940)));

		assertThat(again.alreadyImported()).isEqualTo(4);
		assertThat(again.receipts()).extracting(BankReceipt::id)
			.containsExactlyElementsOf(stored.stream().map(BankReceipt::id).toList());
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(byInvoice))).hasSize(1);
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(byAccount))).hasSize(1);
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(byAmount))).hasSize(1);
		assertThat(this.fixtures.invoice(newer).openAmount()).isEqualByComparingTo("450.00");
	}

	@Test
	void matchesCamtTransactionsByNameAndInvoiceNumberAndSkipsDebits() {
		String named = this.fixtures.customer();
		String name = customerName(named);
		String other = this.fixtures.customer();
		String invoice = this.fixtures.invoiceOf(other, "80.00", "2026-02-01", "2026-03-01");
		String unique = ReceivableFixtures.unique("CAMT");
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
				<BkToCstmrStmt><GrpHdr><MsgId>%1$s</MsgId><CreDtTm>2026-03-03T10:00:00</CreDtTm></GrpHdr>
				<Stmt><Id>%1$s</Id><CreDtTm>2026-03-03T10:00:00</CreDtTm>
				<Acct><Id><IBAN>CN01COMPANY%2$s</IBAN></Id><Ccy>CNY</Ccy></Acct>
				<Ntry><Amt Ccy="CNY">130.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
				<BookgDt><Dt>2026-03-03</Dt></BookgDt><ValDt><Dt>2026-03-03</Dt></ValDt><AcctSvcrRef>%1$s-1</AcctSvcrRef>
				<BkTxCd/><NtryDtls>
				<TxDtls><Amt Ccy="CNY">50.00</Amt><RltdPties><Dbtr><Nm>  %3$s </Nm></Dbtr></RltdPties></TxDtls>
				<TxDtls><Amt Ccy="CNY">80.00</Amt><RltdPties><Dbtr><Nm>Payer Ltd</Nm></Dbtr></RltdPties>
				<RmtInf><Ustrd>INVOICE %4$s.</Ustrd></RmtInf></TxDtls>
				</NtryDtls></Ntry>
				<Ntry><Amt Ccy="CNY">20.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
				<BookgDt><Dt>2026-03-03</Dt></BookgDt><BkTxCd/></Ntry>
				</Stmt></BkToCstmrStmt></Document>
				"""
			.formatted(unique, digits(8), name, invoice);

		BankStatementImport report = this.fixtures.asFinance(() -> this.importer.importStatements(bytes(xml)));

		assertThat(report.formats()).containsExactly("camt.053.001.02");
		assertThat(report.entries()).isEqualTo(2);
		assertThat(report.credits()).isEqualTo(2);
		assertThat(report.debitsSkipped()).isEqualTo(1);
		assertThat(report.receipts()).extracting(BankReceipt::match)
			.containsExactly(ReceiptMatch.NAME, ReceiptMatch.INVOICE_NUMBER);
		assertThat(report.receipts()).extracting(BankReceipt::customerCode).containsExactly(named, other);
		assertThat(this.fixtures.invoice(invoice).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(named))).singleElement()
			.satisfies(p -> assertThat(p.unappliedAmount()).isEqualByComparingTo("50.00"));
	}

	@Test
	void queuesAReceiptWithoutAnFxRateSayingWhyAndFinanceAssignsIt() {
		String customer = this.fixtures.customer();
		String account = "DE" + digits(20);
		this.currentUser.asSystem(() -> this.bankAccounts.add(customer, account, null));
		String invoice = this.fixtures.invoiceOf(customer, "999.00", "2026-02-01", "2026-03-01");
		String unique = ReceivableFixtures.unique("FX");
		String mt940 = String.join("\n", ":20:" + unique, ":25:DE00COMP" + digits(10), ":28C:7/1", ":60F:C260301ISK0,",
				":61:260302C1200,NTRFNONREF//F1" + unique, ":86:" + account + " SOME COMPANY",
				":61:260302C55,NTRFNONREF//F2" + unique, ":86:WHO KNOWS", ":62F:C260302ISK1255,", "-");

		BankStatementImport report = this.fixtures.asFinance(() -> this.importer.importStatements(bytes(mt940)));

		BankReceipt noRate = report.receipts().get(0);
		assertThat(noRate.status()).isEqualTo(BankReceiptStatus.UNMATCHED);
		assertThat(noRate.reasonCode()).isEqualTo("FX_RATE_MISSING");
		assertThat(noRate.reasonDetail()).isEqualTo("ISK 2026-03-02");
		assertThat(noRate.customerCode()).isEqualTo(customer);
		assertThat(
				this.fixtures.asFinance(() -> this.receipts.receipts(BankReceiptStatus.UNMATCHED, new Paging(0, 500)))
					.items())
			.extracting(BankReceipt::id)
			.contains(noRate.id(), report.receipts().get(1).id());
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.receipts.assign(noRate.id(), customer, List.of())))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("FX_RATE_MISSING"));

		BankReceipt unknown = report.receipts().get(1);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> this.fixtures.asFinance(() -> this.receipts.assign(unknown.id(), customer, List.of(invoice))))
			.satisfies(ex -> assertThat(ex.problems().get(0).field()).isEqualTo("invoiceNumbers"));
		BankReceipt dismissed = this.fixtures
			.asFinance(() -> this.receipts.dismiss(unknown.id(), "Refund from the tax office"));
		assertThat(dismissed.status()).isEqualTo(BankReceiptStatus.DISMISSED);
		assertThat(dismissed.dismissalReason()).isEqualTo("Refund from the tax office");
		assertThat(dismissed.decidedBy()).isEqualTo(this.fixtures.finance);
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.receipts.dismiss(unknown.id(), "again")));
	}

	@Test
	void financeAssignsAnUnmatchedReceiptToACustomerAndInvoice() {
		String customer = this.fixtures.customer();
		String older = this.fixtures.invoiceOf(customer, "10.00", "2026-01-01", "2026-01-10");
		String named = this.fixtures.invoiceOf(customer, "70.00", "2026-02-01", "2026-03-01");
		String unique = ReceivableFixtures.unique("AS");
		String mt940 = String.join("\n", ":20:" + unique, ":25:CN00COMP" + digits(10), ":28C:1/1", ":60F:C260301CNY0,",
				":61:260305C" + uniqueAmount() + "NTRFNONREF//A1" + unique, ":86:CASH DEPOSIT", ":62F:C260305CNY0,",
				"-");
		BankReceipt waiting = this.fixtures.asFinance(() -> this.importer.importStatements(bytes(mt940)))
			.receipts()
			.get(0);
		assertThat(waiting.status()).isEqualTo(BankReceiptStatus.UNMATCHED);

		BankReceipt assigned = this.fixtures
			.asFinance(() -> this.receipts.assign(waiting.id(), customer, List.of(named)));

		assertThat(assigned.status()).isEqualTo(BankReceiptStatus.ASSIGNED);
		assertThat(assigned.match()).isEqualTo(ReceiptMatch.MANUAL);
		assertThat(assigned.invoiceNumbers()).containsExactly(named);
		assertThat(this.fixtures.invoice(named).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(this.fixtures.invoice(older).status()).isEqualTo(InvoiceStatus.OPEN);
		Payment payment = this.fixtures.asFinance(() -> this.receivables.payment(assigned.paymentExternalId()));
		assertThat(payment.amount()).isEqualByComparingTo(waiting.amount());
		assertThat(payment.customerCode()).isEqualTo(customer);
		List<AuditEntry> audit = this.currentUser.asSystem(
				() -> this.auditTrail
					.entries(AuditQuery.forSubject(org.credence.customer.CustomerDetails.auditSubject(customer)),
							new Paging(0, 50))
					.items());
		assertThat(audit).filteredOn(e -> e.entityType().equals("bank-receipt"))
			.extracting(AuditEntry::entityId, AuditEntry::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(String.valueOf(waiting.id()), "ASSIGNED"));
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.receipts.assign(waiting.id(), customer, List.of())))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("RECEIPT_DECIDED"));
	}

	@Test
	void importsEverySampleFileStoringOnlyItsCreditLinesAndChangesNothingTheSecondTime() {
		String[][] files = { { "mt940-mbank-pl.sta", "3", "3" }, { "mt940-raiffeisen-hu-de.sta", "7", "1" },
				{ "mt940-asnbank-nl-swiftblocks.txt", "8", "3" }, { "mt940-knab-nl.sta", "3", "2" },
				{ "mt940-ing-nl-structured.940", "8", "4" }, { "camt053-v02-abnamro-nl.xml", "3", "1" },
				{ "camt053-v04-postfinance-ch.xml", "13", "24" }, { "camt053-stuzza-at.xml", "3", "3" },
				{ "camt053-v08-genkgo.xml", "1", "1" } };
		for (String[] file : files) {
			byte[] content = BankStatementFilesTests.bytes(file[0]);
			ImportResult result = this.fixtures
				.asFinance(() -> this.imports.importFile("bank-statements", content, ImportMode.ALL));
			assertThat(result.rows()).as(file[0]).isEqualTo(Integer.parseInt(file[1]));
			assertThat(result.rejected()).as(file[0]).isZero();
			BankStatementImport again = this.fixtures.asFinance(() -> this.importer.importStatements(content));
			assertThat(again.credits()).as(file[0]).isEqualTo(Integer.parseInt(file[2]));
			assertThat(again.alreadyImported()).as(file[0]).isEqualTo(again.credits());
			assertThat(again.receipts()).as(file[0]).extracting(BankReceipt::lineKey).doesNotHaveDuplicates();
			assertThat(again.receipts()).as(file[0])
				.allSatisfy(r -> assertThat(r.status()).isEqualTo(BankReceiptStatus.UNMATCHED));
		}
		BankStatementImport genkgo = this.fixtures
			.asFinance(() -> this.importer.importStatements(BankStatementFilesTests.bytes("camt053-v08-genkgo.xml")));
		assertThat(genkgo.receipts().get(0).amount()).isEqualByComparingTo("8.85");
		assertThat(genkgo.receipts().get(0).currency()).isEqualTo("EUR");
		BankStatementImport mbank = this.fixtures
			.asFinance(() -> this.importer.importStatements(BankStatementFilesTests.bytes("mt940-mbank-pl.sta")));
		assertThat(mbank.receipts()).extracting(BankReceipt::bankReference)
			.containsExactly("MB170119012058", "MB170119012085", "MB170119012121");
		ImportResult raiffeisen = this.fixtures.asFinance(() -> this.imports.importFile("bank-statements",
				BankStatementFilesTests.bytes("mt940-raiffeisen-hu-de.sta"), ImportMode.ALL));
		assertThat(raiffeisen.warnings()).extracting(ImportResult.RowWarning::message)
			.anySatisfy(m -> assertThat(m).contains("24158423.60").doesNotContain("{"));
	}

	@Test
	void onlyUsersWhoMayWriteReceivablesImportBankStatements() {
		String sales = this.fixtures.user(org.credence.identity.Role.SALES);
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> org.credence.customer.ActivityFixtures
			.as(sales, org.credence.identity.Role.SALES, () -> this.imports.importFile("bank-statements",
					BankStatementFilesTests.bytes("camt053-stuzza-at.xml"), ImportMode.ALL)));
	}

	@Test
	void theSameStatementDeliveredAgainUnderAnotherReferenceChangesNothing() {
		String customer = this.fixtures.customer();
		String invoice = this.fixtures.invoiceOf(customer, "210.00", "2026-02-01", "2026-03-01");
		String account = "NL01REDL" + digits(10);
		String unique = ReceivableFixtures.unique("RD");
		String body = String.join("\r\n", ":25:" + account, ":28C:17/1", ":60F:C260301CNY0,00",
				":61:2603020302C210,00NTRFNONREF//R1" + unique, ":86:/REMI/USTD//" + invoice + "/",
				":61:2603020302C0,01NTRFNONREF", ":86:SAME PAYER", ":61:2603020302C0,01NTRFNONREF", ":86:SAME PAYER",
				":62F:C260302CNY210,02", "-");

		BankStatementImport first = this.fixtures
			.asFinance(() -> this.importer.importStatements(bytes(":20:FIRST" + unique + "\r\n" + body)));
		BankStatementImport second = this.fixtures
			.asFinance(() -> this.importer.importStatements(bytes(":20:AGAIN" + unique + "\r\n" + body)));

		assertThat(first.credits()).isEqualTo(3);
		assertThat(first.alreadyImported()).isZero();
		assertThat(first.receipts()).extracting(BankReceipt::id).doesNotHaveDuplicates();
		assertThat(second.alreadyImported()).isEqualTo(3);
		assertThat(second.receipts()).extracting(BankReceipt::id)
			.containsExactlyElementsOf(first.receipts().stream().map(BankReceipt::id).toList());
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(customer))).hasSize(1);
	}

	@Test
	void aReversedCreditIsADebitNeverAPaymentAndIsReportedAReversedDebitIsACredit() {
		String customer = this.fixtures.customer();
		String invoice = this.fixtures.invoiceOf(customer, "50.00", "2026-02-01", "2026-03-01");
		String unique = ReceivableFixtures.unique("RV");
		String mt940 = String.join("\r\n", ":20:" + unique, ":25:NL01REVS" + digits(10), ":28C:3/1",
				":60F:C260301CNY1000,00", ":61:2603020302C7,13NTRFNONREF//V1" + unique, ":86:UNKNOWN SENDER",
				":61:2603020302RC50,00NTRFNONREF//V2" + unique, ":86:/REMI/USTD//Returned " + invoice + "/",
				":61:2603020302RD20,00NTRFNONREF//V3" + unique, ":86:RETURNED FEE", ":62F:C260302CNY977,13", "-");

		BankStatementImport report = this.fixtures.asFinance(() -> this.importer.importStatements(bytes(mt940)));

		assertThat(report.entries()).isEqualTo(3);
		assertThat(report.credits()).isEqualTo(1);
		assertThat(report.debitsSkipped()).isEqualTo(2);
		assertThat(report.warnings()).extracting(BankStatementImport.Warning::messageCode)
			.doesNotContain("integration.bank.balance.unreconciled");
		assertThat(report.warnings()).filteredOn(w -> w.messageCode().equals("integration.bank.credit.reversed"))
			.singleElement()
			.satisfies(w -> {
				assertThat(w.entry()).isEqualTo(2);
				assertThat(w.arguments()).contains("50.00", "V2" + unique);
			});
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(customer))).isEmpty();
		assertThat(this.fixtures.invoice(invoice).status()).isEqualTo(InvoiceStatus.OPEN);
	}

	@Test
	void matchesWholeOpenInvoiceNumbersInAnyCaseAndQueuesAnInvoiceOfAnotherCustomerThanThePayersAccount() {
		String byNumber = this.fixtures.customer();
		String number = "QA-" + digits(9);
		this.fixtures.asFinance(() -> this.receivables
			.recordInvoice(ReceivableFixtures.invoice(byNumber, number, "61.00", "2026-02-01", "2026-03-01")));
		String fragmentOwner = this.fixtures.customer();
		String digitsOnly = "9" + digits(9);
		this.fixtures.asFinance(() -> this.receivables
			.recordInvoice(ReceivableFixtures.invoice(fragmentOwner, digitsOnly, "62.00", "2026-02-01", "2026-03-01")));
		String paidOwner = this.fixtures.customer();
		String paid = this.fixtures.invoiceOf(paidOwner, "63.00", "2026-02-01", "2026-03-01");
		this.fixtures.pay(paidOwner, "63.00", "2026-02-10", ReceivableFixtures.to(paid, "63.00"));
		String invoiceOwner = this.fixtures.customer();
		String theirs = this.fixtures.invoiceOf(invoiceOwner, "64.00", "2026-02-01", "2026-03-01");
		String accountHolder = this.fixtures.customer();
		String account = "NL" + digits(2) + "HOLD" + digits(10);
		this.currentUser.asSystem(() -> this.bankAccounts.add(accountHolder, account, "Test bank"));
		String unique = ReceivableFixtures.unique("IN");
		String mt940 = String.join("\r\n", ":20:" + unique, ":25:NL01INVN" + digits(10), ":28C:5/1",
				":60F:C260301CNY0,00",
				// 1: the number in lower case
				":61:2603020302C" + uniqueAmount() + "NTRFNONREF//N1" + unique,
				":86:/REMI/USTD//paid " + number.toLowerCase() + " thanks/",
				// 2: a fragment of a longer word is no invoice number
				":61:2603020302C" + uniqueAmount() + "NTRFNONREF//N2" + unique,
				":86:/REMI/USTD//REF-" + digitsOnly + "-01/",
				// 3: a paid invoice decides nothing
				":61:2603020302C" + uniqueAmount() + "NTRFNONREF//N3" + unique, ":86:/REMI/USTD//" + paid + "/",
				// 4: another customer's invoice paid from a known account
				":61:2603020302C" + uniqueAmount() + "NTRFNONREF//N4" + unique,
				":86:/CNTP/" + account + "/TESTNL2A/A PAYER///REMI/USTD//" + theirs + "/", ":62F:C260302CNY0,00", "-");

		List<BankReceipt> stored = this.fixtures.asFinance(() -> this.importer.importStatements(bytes(mt940)))
			.receipts();

		assertThat(stored).extracting(BankReceipt::match)
			.containsExactly(ReceiptMatch.INVOICE_NUMBER, null, null, null);
		assertThat(stored).extracting(BankReceipt::customerCode).containsExactly(byNumber, null, null, null);
		assertThat(stored).extracting(BankReceipt::reasonCode)
			.containsExactly(null, "NO_MATCH", "NO_MATCH", "AMBIGUOUS");
		assertThat(stored.get(3).reasonDetail()).contains(accountHolder, invoiceOwner);
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(invoiceOwner))).isEmpty();
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(fragmentOwner))).isEmpty();
	}

	@Test
	void aLineWithMoreDecimalsThanTheLedgerHoldsWaitsWithItsExactAmountWhileTheRestImports() {
		String customer = this.fixtures.customer();
		String account = "DE" + digits(20);
		this.currentUser.asSystem(() -> this.bankAccounts.add(customer, account, null));
		this.fixtures.asFinance(
				() -> this.fxRates.enter(java.time.LocalDate.parse("2026-03-02"), "KWD", new BigDecimal("23.1")));
		String unique = ReceivableFixtures.unique("KW");
		String mt940 = String.join("\n", ":20:" + unique, ":25:KW00COMP" + digits(10), ":28C:9/1",
				":60F:C260301KWD0,000", ":61:260302C12,345NTRFNONREF//K1" + unique, ":86:" + account + " SOME COMPANY",
				":61:260302C5,NTRFNONREF//K2" + unique, ":86:WHO KNOWS", ":62F:C260302KWD17,345", "-");

		BankStatementImport report = this.fixtures.asFinance(() -> this.importer.importStatements(bytes(mt940)));

		assertThat(report.credits()).isEqualTo(2);
		BankReceipt fils = report.receipts().get(0);
		assertThat(fils.status()).isEqualTo(BankReceiptStatus.UNMATCHED);
		assertThat(fils.reasonCode()).isEqualTo("AMOUNT_SCALE");
		assertThat(fils.amount()).isEqualByComparingTo("12.345");
		assertThat(report.receipts().get(1).reasonCode()).isEqualTo("NO_MATCH");
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(customer))).isEmpty();
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.receipts.assign(fils.id(), customer, null)))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("AMOUNT_SCALE"));
	}

	private String customerName(String code) {
		return this.currentUser.asSystem(() -> this.customers.get(code).name());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String digits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		return digits.toString();
	}

	private static String spaced(String account) {
		return account.replaceAll("(.{4})", "$1 ").toLowerCase();
	}

	/** An amount no other test's open invoice has, with a decimal comma. */
	private static String uniqueAmount() {
		return (1000 + ThreadLocalRandom.current().nextInt(900_000)) + "," + digits(2);
	}

	private static String closing(String... amounts) {
		BigDecimal total = BigDecimal.ZERO;
		for (String amount : amounts) {
			total = total.add(new BigDecimal(amount));
		}
		return total.toPlainString().replace('.', ',');
	}

}
