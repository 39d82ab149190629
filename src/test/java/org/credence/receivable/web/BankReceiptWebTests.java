package org.credence.receivable.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.credence.IntegrationTest;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.BankReceipt;
import org.credence.receivable.BankReceiptStatus;
import org.credence.receivable.BankReceipts;
import org.credence.receivable.InvoiceStatus;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.credence.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.customer.ActivityFixtures.basic;
import static org.credence.customer.ActivityFixtures.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class BankReceiptWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Receivables receivables;

	@Autowired
	BankReceipts receipts;

	@Autowired
	org.credence.customer.BankAccounts bankAccounts;

	ReceivableFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
	}

	@Test
	void importsAStatementThroughTheApiAndAssignsTheUnmatchedReceiptThroughIt() throws Exception {
		String customer = this.fixtures.customer();
		String invoice = this.fixtures.invoiceOf(customer, "64.00", "2026-02-01", "2026-03-01");
		String amount = uniqueAmount();

		this.mvc
			.perform(multipart("/api/v1/imports/bank-statements").file(file(statement(amount, "MYSTERY PAYER")))
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(2))
			.andExpect(jsonPath("$.rejected").value(0))
			.andExpect(jsonPath("$.warnings[*].message", hasItem(containsString("MYSTERY PAYER"))));
		BankReceipt waiting = waiting(amount);
		onlyWaiting(waiting);

		this.mvc.perform(get("/api/v1/bank-receipts").param("status", "UNMATCHED").with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) waiting.id())))
			.andExpect(jsonPath("$.total").isNumber());
		this.mvc.perform(get("/api/v1/bank-receipts").param("status", "LOST").with(basic(this.fixtures.finance)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc
			.perform(post("/api/v1/bank-receipts/{id}/dismissal", waiting.id()).with(basic(this.fixtures.finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc
			.perform(post("/api/v1/bank-receipts/{id}/assignment", waiting.id()).with(basic(this.fixtures.finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerCode\": \"" + customer + "\", \"invoiceNumbers\": [\"" + invoice + "\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ASSIGNED"))
			.andExpect(jsonPath("$.match").value("MANUAL"))
			.andExpect(jsonPath("$.customerCode").value(customer));
		assertThat(this.fixtures.invoice(invoice).status()).isEqualTo(InvoiceStatus.PAID);
		this.mvc
			.perform(post("/api/v1/bank-receipts/{id}/assignment", waiting.id()).with(basic(this.fixtures.finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerCode\": \"" + customer + "\"}"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void anAuditorReadsTheQueueButMayNotAssign() throws Exception {
		String auditor = this.fixtures.user(Role.AUDITOR);
		this.mvc.perform(get("/api/v1/bank-receipts").param("status", "UNMATCHED").with(basic(auditor)))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/bank-receipts/{id}/dismissal", 1).with(basic(auditor))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"no\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/api/v1/imports/bank-statements").file(file(statement(uniqueAmount(), "X")))
				.with(basic(auditor)))
			.andExpect(status().isForbidden());
	}

	@Test
	void salesSeeOnlyTheReceiptsOfTheirOwnCustomersAndNeverTheQueue() throws Exception {
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);
		String other = this.fixtures.customer();
		String ownInvoice = this.fixtures.invoiceOf(own, "71.00", "2026-02-01", "2026-03-01");
		String otherInvoice = this.fixtures.invoiceOf(other, "72.00", "2026-02-01", "2026-03-01");
		String unique = ReceivableFixtures.unique("SCP");
		String mt940 = String.join("\n", ":20:" + unique, ":25:CN00SCP" + unique.substring(4), ":28C:1/1",
				":60F:C260301CNY0,", ":61:260306C71,00NTRFNONREF//S1" + unique, ":86:/REMI/USTD//" + ownInvoice + "/",
				":61:260306C72,00NTRFNONREF//S2" + unique, ":86:/REMI/USTD//" + otherInvoice + "/",
				":61:260306C" + uniqueAmount() + "NTRFNONREF//S3" + unique, ":86:UNKNOWN PARTY " + unique,
				":62F:C260306CNY0,", "-");
		this.mvc
			.perform(multipart("/api/v1/imports/bank-statements").file(file(mt940)).with(basic(this.fixtures.finance)))
			.andExpect(status().isOk());
		java.util.List<BankReceipt> all = this.fixtures
			.asFinance(() -> this.receipts.receipts(null, new Paging(0, 500)).items())
			.stream()
			.filter(r -> r.statementReference().equals(unique))
			.toList();
		BankReceipt ownReceipt = all.stream().filter(r -> own.equals(r.customerCode())).findFirst().orElseThrow();
		BankReceipt otherReceipt = all.stream().filter(r -> other.equals(r.customerCode())).findFirst().orElseThrow();
		BankReceipt waiting = all.stream().filter(BankReceipt::isUnmatched).findFirst().orElseThrow();

		this.mvc.perform(get("/api/v1/bank-receipts").param("status", "UNMATCHED").with(basic(sales)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/bank-receipts").param("size", "500").with(basic(sales)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) ownReceipt.id())))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) otherReceipt.id()))))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) waiting.id()))))
			.andExpect(jsonPath("$.items[*].status", not(hasItem("UNMATCHED"))));
		this.mvc.perform(get("/api/v1/bank-receipts/{id}", ownReceipt.id()).with(basic(sales)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/bank-receipts/{id}", otherReceipt.id()).with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/bank-receipts/{id}", waiting.id()).with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/receivables/unmatched").with(signedIn(sales, Role.SALES)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/receivables/aging").with(signedIn(sales, Role.SALES)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/receivables/unmatched"))));
	}

	@Test
	void givesTheReasonDetailInTheCallersLanguage() throws Exception {
		String first = this.fixtures.customer();
		String second = this.fixtures.customer();
		String account = "NL" + (10 + ThreadLocalRandom.current().nextInt(89)) + "SHAR"
				+ (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));
		this.currentUser.asSystem(() -> this.bankAccounts.add(first, account, null));
		this.currentUser.asSystem(() -> this.bankAccounts.add(second, account, null));
		String unique = ReceivableFixtures.unique("LNG");
		String mt940 = String.join("\n", ":20:" + unique, ":25:CN00LNG" + unique.substring(4), ":28C:1/1",
				":60F:C260301CNY0,", ":61:260306C" + uniqueAmount() + "NTRFNONREF//L1" + unique,
				":86:/CNTP/" + account + "/TESTNL2A/SHARED PAYER///REMI/USTD//March/", ":62F:C260306CNY0,", "-");
		this.mvc
			.perform(multipart("/api/v1/imports/bank-statements").file(file(mt940)).with(basic(this.fixtures.finance)))
			.andExpect(status().isOk());
		BankReceipt waiting = this.fixtures
			.asFinance(() -> this.receipts.receipts(BankReceiptStatus.UNMATCHED, new Paging(0, 500)).items())
			.stream()
			.filter(r -> unique.equals(r.statementReference()))
			.findFirst()
			.orElseThrow();
		onlyWaiting(waiting);

		this.mvc
			.perform(get("/api/v1/bank-receipts/{id}", waiting.id()).with(basic(this.fixtures.finance))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reasonCode").value("AMBIGUOUS"))
			.andExpect(jsonPath("$.reasonDetail", allOf(containsString("账户"), containsString(first),
					containsString(second), not(containsString("held by")))));
		this.mvc
			.perform(get("/api/v1/bank-receipts/{id}", waiting.id()).with(basic(this.fixtures.finance))
				.locale(Locale.ENGLISH))
			.andExpect(jsonPath("$.reasonDetail", allOf(containsString("held by"), containsString(first))));
		this.mvc
			.perform(get("/receivables/unmatched").with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(content().string(allOf(containsString("SHARED PAYER"), not(containsString("held by")))));
	}

	@Test
	void uploadsAStatementOnItsPageAndShowsTheFiguresAndTheQueueInBothLanguages() throws Exception {
		String amount = uniqueAmount();

		this.mvc.perform(get("/imports/bank-statements").with(signedIn(this.fixtures.finance, Role.FINANCE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("camt.053")));
		this.mvc
			.perform(multipart("/imports/bank-statements").file(file(statement(amount, "PAGE PAYER")))
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Debits skipped"), containsString("id=\"kpi-entries\">2<"),
					containsString("id=\"kpi-credits\">1<"), containsString("id=\"kpi-unmatched\">1<"),
					containsString("id=\"kpi-debits\">1<"), containsString("PAGE PAYER"))));
		BankReceipt waiting = waiting(amount);
		onlyWaiting(waiting);

		this.mvc
			.perform(get("/receivables/unmatched").with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("未匹配收款"), containsString("PAGE PAYER"),
					containsString("没有符合的客户"), containsString("class=\"nav-count\""))))
			.andExpect(content().string(not(containsString("Unmatched receipts"))));
		this.mvc
			.perform(post("/receivables/unmatched/{id}/dismissal", waiting.id())
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.with(csrf())
				.param("reason", "Interest from the bank"))
			.andExpect(redirectedUrl("/receivables/unmatched"));
		assertThat(this.fixtures.asFinance(() -> this.receipts.receipt(waiting.id())).status())
			.isEqualTo(BankReceiptStatus.DISMISSED);
	}

	@Test
	void refusesAnXxeFileOnTheApiWith400() throws Exception {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/hostname">]>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&x;</Id>
				</Stmt></BkToCstmrStmt></Document>
				""";
		this.mvc
			.perform(multipart("/api/v1/imports/bank-statements").file(file(xxe)).with(basic(this.fixtures.finance)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message", containsString("DTD")));
	}

	/**
	 * Leaves only this receipt in the queue, so that it is on the queue's first page
	 * whatever other tests left waiting.
	 */
	private void onlyWaiting(BankReceipt keep) {
		this.fixtures.asFinance(() -> {
			for (BankReceipt other : this.receipts.receipts(BankReceiptStatus.UNMATCHED, new Paging(0, 500)).items()) {
				if (other.id() != keep.id()) {
					this.receipts.dismiss(other.id(), "cleared by a test");
				}
			}
			return null;
		});
	}

	private BankReceipt waiting(String amount) {
		return this.fixtures
			.asFinance(() -> this.receipts.receipts(BankReceiptStatus.UNMATCHED, new Paging(0, 500)).items())
			.stream()
			.filter(r -> r.amount().compareTo(new java.math.BigDecimal(amount.replace(',', '.'))) == 0)
			.findFirst()
			.orElseThrow();
	}

	private static String statement(String amount, String payer) {
		String unique = ReceivableFixtures.unique("WEB");
		return String.join("\n", ":20:" + unique, ":25:CN00WEB" + unique.substring(4), ":28C:1/1", ":60F:C260301CNY0,",
				":61:260306C" + amount + "NTRFNONREF//W1" + unique, ":86:" + payer,
				":61:260306D1,00NTRFNONREF//W2" + unique, ":86:FEE", ":62F:C260306CNY0,", "-");
	}

	private static MockMultipartFile file(String text) {
		return new MockMultipartFile("file", "statement.sta", "text/plain", text.getBytes(StandardCharsets.UTF_8));
	}

	private static String uniqueAmount() {
		return (1000 + ThreadLocalRandom.current().nextInt(900_000)) + ","
				+ (10 + ThreadLocalRandom.current().nextInt(89));
	}

}
