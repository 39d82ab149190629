package org.credence.customer.web;

import org.credence.IntegrationTest;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.customer.CustomerFixtures.customer;
import static org.credence.customer.CustomerFixtures.passwordOf;
import static org.credence.customer.CustomerFixtures.uniqueCode;
import static org.credence.customer.CustomerFixtures.uniqueUscc;
import static org.credence.customer.CustomerFixtures.user;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class CustomerApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Test
	void createsACustomerAndAnswers201WithItsLocation() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		String code = uniqueCode("API");
		String uscc = uniqueUscc();

		this.mvc
			.perform(post("/api/v1/customers").with(httpBasic(analyst, passwordOf(analyst)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"code": "%s", "name": "华东精密建材有限公司", "uscc": "%s", "industry": "C", "region": "上海",
						 "registeredCapital": "5000000.00"}
						""".formatted(code, uscc)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/customers/" + code))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.country").value("CN"))
			.andExpect(jsonPath("$.region").value("CN-SH"))
			.andExpect(jsonPath("$.status").value("PROSPECT"))
			.andExpect(jsonPath("$.registeredCapital").value("5000000.00"))
			.andExpect(jsonPath("$.blacklisted").value(false))
			.andExpect(jsonPath("$.grade").doesNotExist());

		this.mvc.perform(get("/api/v1/customers/" + code).with(httpBasic(analyst, passwordOf(analyst))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("华东精密建材有限公司"));
	}

	@Test
	void answersAWrongUsccCheckDigitWith400NamingTheFieldInTheCallersLanguage() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		String valid = uniqueUscc();
		String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
		String body = """
				{"code": "%s", "name": "校验位错误公司", "uscc": "%s"}
				""".formatted(uniqueCode("BAD"), wrong);

		this.mvc
			.perform(post("/api/v1/customers").with(httpBasic(analyst, passwordOf(analyst)))
				.header("Accept-Language", "zh-CN")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].field").value("uscc"))
			.andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码校验位错误"));

		this.mvc
			.perform(post("/api/v1/customers").with(httpBasic(analyst, passwordOf(analyst)))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The USCC check digit is wrong."));
	}

	@Test
	void reportsEveryInvalidFieldAndAnUnknownStatus() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);

		this.mvc
			.perform(post("/api/v1/customers").with(httpBasic(analyst, passwordOf(analyst)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"code": "%s", "name": "", "industry": "Z", "status": "SLEEPING"}
						""".formatted(uniqueCode("X"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("status")));

		this.mvc
			.perform(post("/api/v1/customers").with(httpBasic(analyst, passwordOf(analyst)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"code": "%s", "name": "", "industry": "Z", "country": "XX"}
						""".formatted(uniqueCode("X"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("industry")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("country")));
	}

	@Test
	void answersADuplicateCodeWith409() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails existing = customer(this.customers, this.currentUser, "Existing", null);

		this.mvc
			.perform(post("/api/v1/customers").with(httpBasic(analyst, passwordOf(analyst)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"" + existing.code() + "\", \"name\": \"Again\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409));
	}

	@Test
	void salesCannotReadOrChangeAnotherOwnersCustomerThroughTheApi() throws Exception {
		String wang = user(this.users, this.currentUser, "wang", Role.SALES);
		String zhao = user(this.users, this.currentUser, "zhao", Role.SALES);
		CustomerDetails others = customer(this.customers, this.currentUser, "赵的客户", zhao);
		CustomerDetails own = customer(this.customers, this.currentUser, "王的客户", wang);

		this.mvc.perform(get("/api/v1/customers/" + others.code()).with(httpBasic(wang, passwordOf(wang))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(patch("/api/v1/customers/" + others.code()).with(httpBasic(wang, passwordOf(wang)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"taken over\"}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/customers?size=500").with(httpBasic(wang, passwordOf(wang))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code").value(hasItem(own.code())))
			.andExpect(jsonPath("$.items[*].code").value(not(hasItem(others.code()))));
		this.mvc
			.perform(patch("/api/v1/customers/" + own.code()).with(httpBasic(wang, passwordOf(wang)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"王的客户（更名）\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("王的客户（更名）"));
	}

	@Test
	void auditorsReadButAreRefusedWrites() throws Exception {
		String auditor = user(this.users, this.currentUser, "auditor", Role.AUDITOR);
		CustomerDetails customer = customer(this.customers, this.currentUser, "Audited", null);

		this.mvc.perform(get("/api/v1/customers/" + customer.code()).with(httpBasic(auditor, passwordOf(auditor))))
			.andExpect(status().isOk());
		this.mvc
			.perform(patch("/api/v1/customers/" + customer.code()).with(httpBasic(auditor, passwordOf(auditor)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"changed\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void filtersTheListAndPagesIt() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		String marker = uniqueCode("FIND");
		for (int i = 0; i < 3; i++) {
			String code = marker + "-" + i;
			this.currentUser
				.asSystem(() -> this.customers.register(org.credence.customer.CustomerDraft.of(code, "Paged " + code)));
		}

		this.mvc
			.perform(get("/api/v1/customers?q=" + marker + "&size=2&page=1")
				.with(httpBasic(analyst, passwordOf(analyst))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.items.length()").value(1));
	}

	@Test
	void refusesCallsWithoutCredentials() throws Exception {
		this.mvc.perform(get("/api/v1/customers"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void blacklistsThroughTheApiAsACreditManager() throws Exception {
		String manager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = customer(this.customers, this.currentUser, "To blacklist", null);

		this.mvc
			.perform(post("/api/v1/customers/" + customer.code() + "/blacklist-entries")
				.with(httpBasic(analyst, passwordOf(analyst)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"fraud\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/customers/" + customer.code() + "/blacklist-entries")
				.with(httpBasic(manager, passwordOf(manager)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"fraud\", \"evidence\": \"court ruling\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.reason").value("fraud"));
		this.mvc.perform(get("/api/v1/customers/" + customer.code()).with(httpBasic(analyst, passwordOf(analyst))))
			.andExpect(jsonPath("$.blacklisted").value(true));
	}

}
