package org.credence.integration.bank;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The real-world samples in {@code src/test/resources/bank-statements} (see its README)
 * read with exactly the values the README lists.
 */
class BankStatementFilesTests {

	@Test
	void readsMbankWrappedInSohAndEtxWithThreeIdenticalLookingCredits() {
		List<BankStatement> statements = read("mt940-mbank-pl.sta");

		assertThat(statements).hasSize(1);
		BankStatement statement = statements.get(0);
		assertThat(statement.currency()).isEqualTo("PLN");
		assertThat(statement.opening().amount()).isEqualByComparingTo("0.40");
		assertThat(statement.closing().amount()).isEqualByComparingTo("0.43");
		assertThat(statement.reconciles()).isTrue();
		List<StatementEntry> credits = credits(statements);
		assertThat(credits).hasSize(3);
		assertThat(credits).extracting(StatementEntry::bankReference)
			.containsExactly("MB170119012058", "MB170119012085", "MB170119012121");
		for (StatementEntry credit : credits) {
			assertThat(credit.amount()).isEqualByComparingTo("0.01");
			assertThat(credit.bookingDate()).isEqualTo("2017-01-19");
			StatementTransaction tx = credit.transactions().get(0);
			assertThat(tx.counterpartyName()).isEqualTo("JAN NOWAK");
			assertThat(tx.counterpartyAccount()).isEqualTo("56114010810000267002001001");
			assertThat(tx.remittance()).isEqualTo("PRZELEW SRODKOW");
		}
		assertThat(credits.get(0).transactions().get(0).additionalInfo()).contains("TNR: 179171073864111.010001");
	}

	@Test
	void readsRaiffeisenInCp852WithFundsCodeAndUnreconciledBalances() {
		List<BankStatement> statements = read("mt940-raiffeisen-hu-de.sta");

		BankStatement statement = statements.get(0);
		assertThat(statement.currency()).isEqualTo("HUF");
		assertThat(statement.entries()).hasSize(7);
		List<StatementEntry> credits = credits(statements);
		assertThat(credits).hasSize(1);
		StatementEntry credit = credits.get(0);
		assertThat(credit.amount()).isEqualByComparingTo("2066637.00");
		assertThat(credit.bookingDate()).isEqualTo("2018-04-17");
		assertThat(credit.entryText()).isEqualTo("Csoportos átutalás jóváírása");
		StatementTransaction tx = credit.transactions().get(0);
		assertThat(tx.counterpartyName()).isEqualTo("HUNGARY KFT.");
		assertThat(tx.counterpartyAccount()).isEqualTo("109876543210000012345678");
		assertThat(tx.remittance()).isEqualTo("UV, napi összevont utánvét, 2018.04.17, A13947109201804175000000097, X");
		assertThat(debits(statements)).extracting(StatementEntry::amount)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("14790.00"), new BigDecimal("3051800.00"), new BigDecimal("3892.77"),
					new BigDecimal("789.24"), new BigDecimal("1578.49"), new BigDecimal("6000.00"));
		assertThat(statement.opening().amount()).isEqualByComparingTo("25170637.10");
		assertThat(statement.closing().amount()).isEqualByComparingTo("25281687.60");
		assertThat(statement.opening().amount().add(statement.movement())).isEqualByComparingTo("24158423.60");
		assertThat(statement.reconciles()).isFalse();
	}

	@Test
	void readsAsnBankSwiftFinEnvelopesWithEmptyStatements() {
		List<BankStatement> statements = read("mt940-asnbank-nl-swiftblocks.txt");

		assertThat(statements).hasSize(31);
		assertThat(statements.get(0).opening().amount()).isEqualByComparingTo("444.29");
		assertThat(statements.get(30).closing().amount()).isEqualByComparingTo("501.23");
		assertThat(statements).allSatisfy(s -> assertThat(s.reconciles()).isTrue());
		assertThat(statements.stream().mapToInt(s -> s.entries().size()).sum()).isEqualTo(8);
		List<StatementEntry> credits = credits(statements);
		assertThat(credits).hasSize(3);
		assertEntry(credits.get(0), "1000.00", "EUR", "2020-01-05", "paulissen g j l m", "NL56ASNB9999999999",
				"INTERNE OVERBOEKING VIA MOBIEL");
		assertEntry(credits.get(1), "828.72", "EUR", "2020-01-29", "transfer solutions bv", "NL25INGB9999999999",
				"2020-01-28T14:32:46-000000000000089-NL25INGB9999999999-Transfer Solutions BV-DIVIDEND 28/01/2020");
		assertEntry(credits.get(2), "1000.18", "EUR", "2020-01-31", "paulissen g j l m", "NL56ASNB9999999999",
				"INTERNE OVERBOEKING VIA MOBIEL");
	}

	@Test
	void readsKnabAmountsWithoutDecimals() {
		List<BankStatement> statements = read("mt940-knab-nl.sta");

		assertThat(statements).hasSize(2);
		assertThat(statements.get(0).opening().amount()).isEqualByComparingTo("0.00");
		List<StatementEntry> credits = credits(statements);
		assertThat(credits).hasSize(2);
		assertEntry(credits.get(0), "500.00", "EUR", "2014-05-07", null, null,
				"HIER EEN MOOIE OMSCHRIJVING IN HOOFDLETTERS WANT DAT IS ZOALS DE NEDERLANDSE BANKEN COMMUNICEREN");
		assertThat(credits.get(0).bankReference()).isEqualTo("B4E07XM00J000023");
		assertEntry(credits.get(1), "500.00", "EUR", "2014-07-29", "MMS ONLINE NEDERLAND B.V.", "NL84INGB0234561789",
				"12160475 0050001631430920 ORDERID: 264267 MEDIA MARKT ONLINE NE");
		assertThat(credits.get(1).customerReference()).isEqualTo("29-07-2014 10:05");
		assertThat(credits.get(1).bankReference()).isEqualTo("B4G29PGDCK1QFV3E");
		List<StatementEntry> debits = debits(statements);
		assertThat(debits).hasSize(1);
		assertThat(debits.get(0).amount()).isEqualByComparingTo("7260.00");
		assertThat(debits.get(0).transactions().get(0).remittance()).isEqualTo("FACTUUR 201403110, 201403113");
	}

	@Test
	void readsIngStructuredDetailsJoinedWithoutSpaces() {
		List<BankStatement> statements = read("mt940-ing-nl-structured.940");

		BankStatement statement = statements.get(0);
		assertThat(statement.entries()).hasSize(8);
		assertThat(statement.opening().amount()).isEqualByComparingTo("662.23");
		assertThat(statement.closing().amount()).isEqualByComparingTo("564.35");
		assertThat(statement.reconciles()).isTrue();
		List<StatementEntry> credits = credits(statements);
		assertThat(credits).hasSize(4);
		assertThat(credits.stream().map(StatementEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("36.58");
		assertEntry(credits.get(0), "1.56", "EUR", "2014-02-20", "ING BANK NV INZAKE WEB", "NL32INGB0000012345",
				"EV10001REP1000000T1000");
		assertThat(credits.get(0).transactions().get(0).endToEndId()).isEqualTo("EV12341REP1231456T1234");
		assertEntry(credits.get(1), "1.57", "EUR", "2014-02-20", "J.Janssen", "NL32INGB0000012345",
				"Factuurnr 123456 Klantnr 00123");
		assertThat(credits.get(1).transactions().get(0).endToEndId()).isEqualTo("20120123456789");
		assertThat(credits.get(1).transactions().get(0).additionalInfo()).contains("RTRN MS03");
		assertEntry(credits.get(2), "1.45", "EUR", "2014-02-20", null, null, "TOTAAL 1 POSTEN");
		assertThat(credits.get(2).transactions().get(0).additionalInfo()).contains("PREF M000000001111111");
		assertEntry(credits.get(3), "32.00", "EUR", "2014-02-20", "J.Janssen", "NL32INGB0000012345", null);
		assertThat(credits.get(3).transactions().get(0).creditorReference()).isEqualTo("9001123412341234");
		assertThat(credits.get(3).transactions().get(0).endToEndId()).isEqualTo("15814016000676480");
	}

	@Test
	void readsAbnAmroCamtV02WithoutDeclarationAndSkipsTheReversedBatch() {
		List<BankStatement> statements = read("camt053-v02-abnamro-nl.xml");

		BankStatement statement = statements.get(0);
		assertThat(statement.format()).isEqualTo("camt.053.001.02");
		assertThat(statement.entries()).hasSize(3);
		List<StatementEntry> receipts = statement.entries().stream().filter(StatementEntry::isReceipt).toList();
		assertThat(receipts).hasSize(1);
		assertEntry(receipts.get(0), "1405.31", "EUR", "2014-01-05", "3rd party Media", "NL69ABNA0522123643", null);
		StatementTransaction tx = receipts.get(0).transactions().get(0);
		assertThat(tx.additionalInfo()).isEqualTo("#RD PARTY MEDIA CUSNO 90782 4210773");
		assertThat(tx.endToEndId()).isEqualTo("115");
		StatementEntry reversal = statement.entries().get(1);
		assertThat(reversal.amount()).isEqualByComparingTo("664.05");
		assertThat(reversal.isCredit()).isFalse();
		assertThat(reversal.reversal()).isTrue();
		assertThat(reversal.transactions()).extracting(StatementTransaction::amount)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("564.05"), new BigDecimal("100.00"));
		assertThat(statement.opening().amount()).isEqualByComparingTo("15568.27");
		assertThat(statement.closing().amount()).isEqualByComparingTo("15121.12");
		assertThat(statement.opening().amount().add(statement.movement())).isEqualByComparingTo("15555.28");
		assertThat(statement.reconciles()).isFalse();
	}

	@Test
	void readsPostFinanceCamtV04BatchEntriesPerTransaction() {
		List<BankStatement> statements = read("camt053-v04-postfinance-ch.xml");

		BankStatement statement = statements.get(0);
		assertThat(statement.format()).isEqualTo("camt.053.001.04");
		assertThat(statement.entries()).hasSize(13);
		List<StatementEntry> credits = statement.entries().stream().filter(StatementEntry::isReceipt).toList();
		assertThat(credits).hasSize(5);
		assertThat(credits.stream().mapToInt(e -> e.transactions().size()).sum()).isEqualTo(24);

		StatementEntry single = entryOf(credits, "56.56");
		assertEntry(single, "56.56", "CHF", "2016-04-10", "Bernasconi Maria", "CH3709000000250094580", null);
		assertThat(single.transactions().get(0).endToEndId()).isEqualTo("PMT-651727380907030005");
		assertThat(single.entryText())
			.isEqualTo("GUTSCHRIFT CH-DD-BASISLASTSCHRIFT ID: 41107767420881932 REFERENZ-NR: PMT-ID-1268016165-01");

		StatementEntry batch = entryOf(credits, "620.00");
		assertThat(batch.bookingDate()).isEqualTo("2016-05-27");
		assertThat(batch.transactions()).extracting(StatementTransaction::amount)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(amounts("50", "20", "100", "100", "30", "50", "20", "250"));
		StatementTransaction first = batch.transactions().get(0);
		assertThat(first.counterpartyName()).isEqualTo("Rutschmann Pia");
		assertThat(first.counterpartyAccount()).isEqualTo("CH1111111111111111111");
		assertThat(first.remittance()).isEqualTo("MUSTER MITTEILUNG");

		StatementEntry returns = entryOf(credits, "110.00");
		assertThat(returns.bookingDate()).isEqualTo("2016-04-06");
		assertThat(returns.valueDate()).isEqualTo("2016-03-23");
		assertThat(returns.transactions()).extracting(StatementTransaction::amount)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(amounts("20", "40", "50"));
		assertThat(returns.transactions().get(0).counterpartyName()).isEqualTo("Max Mustermann");
		assertThat(returns.transactions().get(0).counterpartyAccount()).isEqualTo("CH7408237100000000002");
		assertThat(returns.transactions().get(0).remittance()).isEqualTo("Mitteilung Return Muster");

		StatementEntry esr = entryOf(credits, "1000.00");
		assertThat(esr.bookingDate()).isEqualTo("2016-05-27");
		assertThat(esr.valueDate()).isEqualTo("2016-05-30");
		assertThat(esr.transactions()).hasSize(10);
		assertThat(esr.transactions()).anySatisfy(t -> {
			assertThat(t.amount()).isEqualByComparingTo("50.00");
			assertThat(t.counterpartyName()).isEqualTo("Rutschmann Pia");
			assertThat(t.creditorReference()).isEqualTo("000000000002016030002820804");
		});

		StatementEntry small = entryOf(credits, "24.00");
		assertThat(small.transactions())
			.extracting(StatementTransaction::amount, StatementTransaction::counterpartyName,
					StatementTransaction::remittance)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(new BigDecimal("15.00"), "Rutschmann Pia", "Mitteilung 132"),
					org.assertj.core.groups.Tuple.tuple(new BigDecimal("9.00"), "Bernasconi Maria", "Mitteilung 131"));

		List<StatementEntry> notReceipts = statement.entries().stream().filter(e -> !e.isReceipt()).toList();
		assertThat(notReceipts).hasSize(8);
		assertThat(notReceipts.stream().filter(StatementEntry::reversal).map(StatementEntry::amount))
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(amounts("6.00", "15.53"));
	}

	@Test
	void readsTheStuzzaNamespaceAsCamtV02() {
		List<BankStatement> statements = read("camt053-stuzza-at.xml");

		BankStatement statement = statements.get(0);
		assertThat(statement.format()).isEqualTo("camt.053.001.02");
		assertThat(statement.opening().amount()).isEqualByComparingTo("150.00");
		assertThat(statement.closing().amount()).isEqualByComparingTo("550.00");
		assertThat(statement.reconciles()).isTrue();
		List<StatementEntry> credits = credits(statements);
		assertThat(credits).hasSize(3);
		assertEntry(credits.get(0), "50.00", "EUR", "2019-03-01", "Musterfrau Muster", "AT022050303300646365", null);
		assertThat(credits.get(0).transactions().get(0).creditorReference()).isEqualTo("201912341234");
		assertThat(credits.get(0).transactions().get(0).endToEndId()).isEqualTo("Text Muster");
		assertEntry(credits.get(1), "100.00", "EUR", "2019-03-01", "Musterfrau Muster", "AT022040400040102634", null);
		assertThat(credits.get(1).transactions().get(0).creditorReference()).isEqualTo("201912341234");
		assertThat(credits.get(1).transactions().get(0).endToEndId()).isEqualTo("Test Muster");
		assertEntry(credits.get(2), "250.00", "EUR", "2019-03-01", "Testzahlung Zwei", "AT021200000703447144", null);
		assertThat(credits.get(2).transactions().get(0).creditorReference()).isEqualTo("2019456456");
	}

	@Test
	void readsCamtV08TakingTheEntryAmountOverAContradictingTransactionAmount() {
		List<BankStatement> statements = read("camt053-v08-genkgo.xml");

		assertThat(statements.get(0).format()).isEqualTo("camt.053.001.08");
		List<StatementEntry> credits = credits(statements);
		assertThat(credits).hasSize(1);
		StatementEntry credit = credits.get(0);
		assertEntry(credit, "8.85", "EUR", "2014-12-31", "NAME NAME", "NL56AGDH9619008421", null);
		assertThat(credit.valueDate()).isEqualTo("2015-01-02");
		assertThat(credit.transactions().get(0).amount()).isEqualByComparingTo("8.85");
		assertThat(credit.transactions().get(0).currency()).isEqualTo("EUR");
		assertThat(credit.transactions().get(0).creditorReference()).isEqualTo("4654654654654654");
		assertThat(credit.transactions().get(0).endToEndId()).isEqualTo("MUELL/FINP/RA12345");
	}

	@Test
	void refusesXmlWithADoctypeWithoutResolvingItsEntity() {
		byte[] xxe = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
				<Id>&secret;</Id></Stmt></BkToCstmrStmt></Document>
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8);

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> BankStatementFiles.read(xxe))
			.satisfies(ex -> {
				assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::messageCode)
					.containsExactly("integration.bank.xml.doctype");
				assertThat(java.util.Arrays.deepToString(ex.problems().get(0).arguments())).doesNotContain("root:");
			});
	}

	@Test
	void refusesAnXmlDocumentThatIsNoCamt053() {
		byte[] other = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><x/></Document>"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> BankStatementFiles.read(other))
			.satisfies(
					ex -> assertThat(ex.problems().get(0).messageCode()).isEqualTo("integration.bank.camt.namespace"));
	}

	@Test
	void refusesAFileThatIsNeitherFormat() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> BankStatementFiles.read("code,name\nA,B\n".getBytes()));
	}

	private static void assertEntry(StatementEntry entry, String amount, String currency, String booking, String name,
			String account, String remittance) {
		assertThat(entry.amount()).isEqualByComparingTo(amount);
		assertThat(entry.currency()).isEqualTo(currency);
		assertThat(entry.bookingDate()).isEqualTo(LocalDate.parse(booking));
		assertThat(entry.isReceipt()).isTrue();
		StatementTransaction tx = entry.transactions().get(0);
		assertThat(tx.counterpartyName()).isEqualTo(name);
		assertThat(tx.counterpartyAccount()).isEqualTo(account);
		assertThat(tx.remittance()).isEqualTo(remittance);
	}

	private static StatementEntry entryOf(List<StatementEntry> entries, String amount) {
		return entries.stream()
			.filter(e -> e.amount().compareTo(new BigDecimal(amount)) == 0)
			.findFirst()
			.orElseThrow();
	}

	private static BigDecimal[] amounts(String... amounts) {
		return java.util.Arrays.stream(amounts).map(BigDecimal::new).toArray(BigDecimal[]::new);
	}

	private static List<StatementEntry> credits(List<BankStatement> statements) {
		return statements.stream().flatMap(s -> s.entries().stream()).filter(StatementEntry::isCredit).toList();
	}

	private static List<StatementEntry> debits(List<BankStatement> statements) {
		return statements.stream().flatMap(s -> s.entries().stream()).filter(e -> !e.isCredit()).toList();
	}

	static List<BankStatement> read(String file) {
		return BankStatementFiles.read(bytes(file));
	}

	static byte[] bytes(String file) {
		try (InputStream in = BankStatementFilesTests.class.getResourceAsStream("/bank-statements/" + file)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
