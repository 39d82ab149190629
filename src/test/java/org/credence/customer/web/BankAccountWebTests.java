package org.credence.customer.web;

import java.util.Locale;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.customer.ActivityFixtures.basic;
import static org.credence.customer.ActivityFixtures.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class BankAccountWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	ActivityFixtures fixtures;

	String analyst;

	String customer;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.customer = this.fixtures.customer();
	}

	@Test
	void addsListsAndRemovesAnAccountNormalisedThroughTheApi() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers/{code}/bank-accounts", this.customer).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"accountNumber\": \"nl91 abna 0417 1643 00\", \"bankName\": \"ABN AMRO\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.accountNumber").value("NL91ABNA0417164300"));
		this.mvc
			.perform(post("/api/v1/customers/{code}/bank-accounts", this.customer).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"accountNumber\": \"NL91ABNA0417164300\"}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/v1/customers/{code}/bank-accounts", this.customer).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"accountNumber\": \"NL91-ÄÖ\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountNumber"));
		this.mvc.perform(get("/api/v1/customers/{code}/bank-accounts", this.customer).with(basic(this.analyst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].accountNumber").value("NL91ABNA0417164300"))
			.andExpect(jsonPath("$[0].bankName").value("ABN AMRO"));
		this.mvc
			.perform(delete("/api/v1/customers/{code}/bank-accounts/{number}", this.customer, "NL91ABNA0417164300")
				.with(basic(this.analyst)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/customers/{code}/bank-accounts", this.customer).with(basic(this.analyst)))
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void financeKeepsTheAccountsAndTheOwnersSalesMayOnlyReadThem() throws Exception {
		String finance = this.fixtures.user(Role.FINANCE);
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);
		this.mvc
			.perform(post("/api/v1/customers/{code}/bank-accounts", own).with(basic(finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"accountNumber\": \"NL91ABNA0417164300\"}"))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/customers/{code}/bank-accounts", own).with(basic(sales)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].accountNumber").value("NL91ABNA0417164300"));
		// the account decides whose payment a bank receipt is: not the salesperson's to
		// set
		this.mvc
			.perform(post("/api/v1/customers/{code}/bank-accounts", own).with(basic(sales))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"accountNumber\": \"DE89370400440532013000\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(delete("/api/v1/customers/{code}/bank-accounts/{number}", own, "NL91ABNA0417164300")
				.with(basic(sales)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/customers/{code}/bank-accounts", own).with(signedIn(sales, Role.SALES)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"accountNumber\""))));
	}

	@Test
	void addsAnAccountOnTheTabAndShowsItsMessagesInChinese() throws Exception {
		this.mvc
			.perform(post("/customers/{code}/bank-accounts", this.customer)
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.locale(Locale.SIMPLIFIED_CHINESE)
				.param("accountNumber", "12"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("账号应为 5 至 34 位字母和数字"), containsString("value=\"12\""))));
		this.mvc
			.perform(post("/customers/{code}/bank-accounts", this.customer)
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.param("accountNumber", "CN 6222 0212 3456 7890"))
			.andExpect(redirectedUrl("/customers/" + this.customer + "/bank-accounts"));
		this.mvc
			.perform(get("/customers/{code}/bank-accounts", this.customer)
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("银行账户"), containsString("CN62220212345678 90".replace(" ", "")))))
			.andExpect(content().string(not(containsString("Bank accounts"))));
	}

}
