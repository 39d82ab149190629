package org.credence.customer.web;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.credence.IntegrationTest;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.customer.CustomerFixtures.customer;
import static org.credence.customer.CustomerFixtures.passwordOf;
import static org.credence.customer.CustomerFixtures.uniqueCode;
import static org.credence.customer.CustomerFixtures.uniqueUscc;
import static org.credence.customer.CustomerFixtures.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class CustomerPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Test
	void showsTheUsccMessageBesideTheFieldInChineseAndKeepsWhatWasTyped() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		String code = uniqueCode("UI");
		String valid = uniqueUscc();
		String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');

		this.mvc
			.perform(post("/customers").with(asUser(analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.locale(Locale.SIMPLIFIED_CHINESE)
				.header("Accept-Language", "zh-CN")
				.param("code", code)
				.param("name", "表单测试有限公司")
				.param("uscc", wrong)
				.param("country", "CN")
				.param("employees", "三百")
				.param("status", "PROSPECT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("统一社会信用代码校验位错误")))
			.andExpect(content().string(containsString("value=\"表单测试有限公司\"")))
			.andExpect(content().string(containsString("value=\"" + wrong + "\"")));

		this.mvc.perform(get("/api/v1/customers/" + code).with(asUser(analyst, Role.CREDIT_ANALYST)))
			.andExpect(status().isNotFound());
	}

	@Test
	void createsACustomerFromTheFormAndOpensItsPage() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		String code = uniqueCode("UI");

		this.mvc
			.perform(post("/customers").with(asUser(analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.param("code", code)
				.param("name", "表单新建有限公司")
				.param("uscc", uniqueUscc())
				.param("country", "CN")
				.param("region", "CN-JS")
				.param("industry", "E")
				.param("registeredCapital", "12,000,000")
				.param("status", "ACTIVE")
				.param("tags", "重点客户，新客户"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/customers/" + code));

		this.mvc
			.perform(get("/customers/" + code).with(asUser(analyst, Role.CREDIT_ANALYST))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("表单新建有限公司")))
			.andExpect(content().string(containsString("Jiangsu")))
			.andExpect(content().string(containsString("12,000,000.00 CNY")));
	}

	@Test
	void asksForConfirmationBeforeCreatingACustomerThatResemblesABlacklistedOne() throws Exception {
		String manager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		CustomerDetails blacklisted = customer(this.customers, this.currentUser, "黑名单相似测试有限公司", null);
		this.currentUser.asSystem(() -> this.customers.blacklist(blacklisted.code(), "失信", null, null));
		String code = uniqueCode("LOOK");

		this.mvc
			.perform(post("/customers").with(asUser(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.header("Accept-Language", "zh-CN")
				.param("code", code)
				.param("name", "黑名单相似测试有限公司")
				.param("country", "CN")
				.param("status", "PROSPECT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该客户与黑名单客户相似")))
			.andExpect(content().string(containsString(blacklisted.code())));

		this.mvc
			.perform(post("/customers").with(asUser(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.param("code", code)
				.param("name", "黑名单相似测试有限公司")
				.param("country", "CN")
				.param("status", "PROSPECT")
				.param("blacklistMatchConfirmed", "true"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void salesOpenOnlyTheirOwnCustomersPages() throws Exception {
		String wang = user(this.users, this.currentUser, "wang", Role.SALES);
		String zhao = user(this.users, this.currentUser, "zhao", Role.SALES);
		CustomerDetails others = customer(this.customers, this.currentUser, "别人的客户", zhao);
		CustomerDetails own = customer(this.customers, this.currentUser, "自己的客户", wang);

		this.mvc.perform(get("/customers/" + others.code()).with(asUser(wang, Role.SALES)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/customers/" + others.code()).with(asUser(wang, Role.SALES))
				.with(csrf())
				.param("name", "taken over")
				.param("status", "ACTIVE"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/customers/" + own.code()).with(asUser(wang, Role.SALES))).andExpect(status().isOk());
		this.mvc.perform(get("/customers?size=500").with(asUser(wang, Role.SALES)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(own.code())))
			.andExpect(content().string(not(containsString(others.code()))));
	}

	@Test
	void listsInBothLanguagesWithFiltersKeptInTheUrl() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = customer(this.customers, this.currentUser, "筛选测试有限公司", null);

		this.mvc
			.perform(get("/customers?q={q}&status=ACTIVE", customer.code()).with(asUser(analyst, Role.CREDIT_ANALYST))
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("客户编码")))
			.andExpect(content().string(containsString("筛选测试有限公司")))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(containsString("export.xlsx?q=" + customer.code() + "&amp;status=ACTIVE")));
		this.mvc
			.perform(get("/customers").param("q", customer.code())
				.with(asUser(analyst, Role.CREDIT_ANALYST))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Customer code")))
			.andExpect(content().string(containsString("1 in all")));
	}

	@Test
	void exportsTheFilteredListToExcel() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = customer(this.customers, this.currentUser, "导出测试有限公司", null);

		byte[] xlsx = this.mvc
			.perform(get("/customers/export.xlsx").param("q", customer.code())
				.with(asUser(analyst, Role.CREDIT_ANALYST))
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("客户编码");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(customer.code());
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("导出测试有限公司");
		}
	}

	@Test
	void blacklistsFromTheCustomerPageOnlyForCreditManagers() throws Exception {
		String manager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = customer(this.customers, this.currentUser, "页面拉黑测试有限公司", null);

		this.mvc
			.perform(post("/customers/" + customer.code() + "/blacklist").with(asUser(analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.param("reason", "test"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/customers/" + customer.code() + "/blacklist").with(asUser(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.param("reason", "法院失信被执行人"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(get("/customers/" + customer.code()).with(asUser(analyst, Role.CREDIT_ANALYST))
				.header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("法院失信被执行人")))
			.andExpect(content().string(containsString("badge-blacklisted")));
	}

	@Test
	void editingACustomerKeepsTheCurrencyOfItsRegisteredCapital() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = this.currentUser
			.asSystem(() -> this.customers.register(new org.credence.customer.CustomerDraft(uniqueCode("USD"),
					"Acme Trading Ltd", null, null, "US", null, null, new java.math.BigDecimal("5000000"), "USD", null,
					null, null, null, null, null, null, null, null)))
			.customer();

		this.mvc.perform(get("/customers/" + customer.code() + "/edit").with(asUser(analyst, Role.CREDIT_ANALYST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"USD\"")));
		this.mvc
			.perform(post("/customers/" + customer.code()).with(asUser(analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.param("name", "Acme Trading Limited")
				.param("country", "US")
				.param("registeredCapital", "5000000")
				.param("registeredCapitalCurrency", "USD")
				.param("status", "PROSPECT")
				.param("version", Long.toString(customer.version())))
			.andExpect(status().is3xxRedirection());

		CustomerDetails saved = this.currentUser.asSystem(() -> this.customers.get(customer.code()));
		assertThat(saved.name()).isEqualTo("Acme Trading Limited");
		assertThat(saved.registeredCapitalCurrency()).isEqualTo("USD");
	}

	@Test
	void theLanguageSwitchOnAFailedFormLeadsBackToTheForm() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);

		this.mvc
			.perform(post("/customers").with(asUser(analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.header("Referer", "http://localhost/customers/new")
				.param("code", "")
				.param("name", "")
				.param("status", "PROSPECT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/customers/new?lang=en\"")));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor asUser(String username,
			Role role) {
		return user(username).authorities(org.credence.identity.CurrentUser.Authorities.of(java.util.List.of(role)));
	}

}
