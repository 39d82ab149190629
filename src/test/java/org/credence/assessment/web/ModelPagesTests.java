package org.credence.assessment.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.credence.IntegrationTest;
import org.credence.SecurityContexts;
import org.credence.assessment.model.BuiltInModels;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.model.ScoringModels;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ModelPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ScoringModels models;

	static RequestPostProcessor as(Role role) {
		return user("web." + role.name().toLowerCase()).authorities(CurrentUser.Authorities.of(List.of(role)));
	}

	static String uniqueCode() {
		return "W_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
	}

	ModelDefinition draft() {
		String code = uniqueCode();
		ModelDefinition standard = BuiltInModels.standard();
		ModelDefinition[] created = new ModelDefinition[1];
		SecurityContexts.runAs("web.manager", Set.of(Role.CREDIT_MANAGER),
				() -> created[0] = this.models.createDraft(new ModelDefinition(code, 1, "DRAFT", standard.nameZh(),
						standard.nameEn(), standard.description(), standard.factors(), standard.scale(),
						standard.source(), null, null)));
		return created[0];
	}

	@Test
	void listsTheModelsInChineseAndEnglish() throws Exception {
		this.mvc.perform(get("/assessment/models").with(as(Role.CREDIT_MANAGER)).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("评估模型")))
			.andExpect(content().string(containsString("标准企业评估模型")))
			.andExpect(content().string(containsString("ALTMAN_Z2")))
			.andExpect(content().string(containsString("生效")))
			.andExpect(content().string(containsString("基于生效版本新建")));
		this.mvc.perform(get("/assessment/models").with(as(Role.CREDIT_MANAGER)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Scoring models")))
			.andExpect(content().string(containsString("Standard enterprise model")))
			.andExpect(content().string(containsString("Active")));
	}

	@Test
	void showsAVersionWithItsFactorsScaleAndSourceInBothLanguages() throws Exception {
		int version = this.models.active("STANDARD").version();
		this.mvc
			.perform(get("/assessment/models/STANDARD/" + version).with(as(Role.CREDIT_ANALYST))
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("资产负债率")))
			.andExpect(content().string(containsString("[0.4, 0.5) → 85 分")))
			.andExpect(content().string(containsString("(−∞, 0.4) → 100 分")))
			.andExpect(content().string(containsString("取中性分")))
			.andExpect(content().string(containsString("信用等级表")))
			.andExpect(content().string(containsString("0.15%")))
			.andExpect(content().string(containsString("低风险")))
			.andExpect(content().string(containsString("S&amp;P Global Ratings")))
			.andExpect(content().string(not(containsString("启用</button>"))));
		this.mvc
			.perform(
					get("/assessment/models/ALTMAN_Z2/1").with(as(Role.CREDIT_MANAGER)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The value itself, clamped to [-20, 20]")))
			.andExpect(content().string(containsString("8.15")))
			.andExpect(content().string(containsString("Altman")))
			.andExpect(content().string(containsString("Rating scale")));
	}

	@Test
	void exportsAVersionAsJson() throws Exception {
		this.mvc.perform(get("/assessment/models/ALTMAN_Z2/1/export").with(as(Role.CREDIT_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("ALTMAN_Z2-v1.json")))
			.andExpect(content().string(containsString("\"minScore\" : 8.15")));
	}

	@Test
	void onlyAModelManagerMayActivateAndOthersMayNotSeeModelsAtAll() throws Exception {
		ModelDefinition draft = draft();
		String url = "/assessment/models/" + draft.code() + "/1";

		this.mvc.perform(post(url + "/activate").with(as(Role.CREDIT_ANALYST)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(url + "/activate").with(as(Role.SALES)).with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(get("/assessment/models").with(as(Role.SALES))).andExpect(status().isForbidden());
		assertThat(this.models.version(draft.code(), 1).isDraft()).isTrue();

		this.mvc.perform(post(url + "/activate").with(as(Role.CREDIT_MANAGER)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(url));
		assertThat(this.models.active(draft.code()).version()).isEqualTo(1);
	}

	@Test
	void aManagerChangesAWeightAndSeesTheValidationMessageBesideIt() throws Exception {
		ModelDefinition draft = draft();
		String url = "/assessment/models/" + draft.code() + "/1";
		int factors = draft.factors().size();
		var request = post(url + "/weights").with(as(Role.CREDIT_MANAGER))
			.with(csrf())
			.header("Accept-Language", "zh-CN");
		for (int i = 0; i < factors; i++) {
			request.param("weight", i == 0 ? "15" : draft.factors().get(i).weight().toPlainString())
				.param("policy", draft.factors().get(i).missingPolicy().name())
				.param("neutral", "");
		}

		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("权重合计为 105，不是 100。")))
			.andExpect(content().string(containsString("value=\"15\"")));
		assertThat(this.models.version(draft.code(), 1).factors().get(0).weight()).isEqualByComparingTo("10");

		var fixed = post(url + "/weights").with(as(Role.CREDIT_MANAGER)).with(csrf());
		for (int i = 0; i < factors; i++) {
			fixed.param("weight", i == 0 ? "15" : i == 1 ? "1" : draft.factors().get(i).weight().toPlainString())
				.param("policy", i == 0 ? "NEUTRAL" : draft.factors().get(i).missingPolicy().name())
				.param("neutral", "");
		}
		this.mvc.perform(fixed).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(url));
		ModelDefinition saved = this.models.version(draft.code(), 1);
		assertThat(saved.factors().get(0).weight()).isEqualByComparingTo("15");
		assertThat(saved.factors().get(0).missingPolicy().name()).isEqualTo("NEUTRAL");
		assertThat(saved.factors().get(1).weight()).isEqualByComparingTo("1");
	}

	@Test
	void theJsonEditorShowsEachProblemWithItsPlaceAndKeepsTheText() throws Exception {
		ModelDefinition draft = draft();
		String url = "/assessment/models/" + draft.code() + "/1";
		String json = this.models.exportJson(draft.code(), 1)
			.replaceFirst("\"to\" : 0.40", "\"to\" : 0.45")
			.replace("line_cash / line_currentLiabilities", "line_cash / line_bankLoans");

		this.mvc
			.perform(post(url).with(as(Role.CREDIT_MANAGER))
				.with(csrf())
				.header("Accept-Language", "en")
				.param("json", json))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("factors[0].scoring.ranges[1]")))
			.andExpect(content().string(containsString("overlap")))
			.andExpect(content().string(containsString("factors[3].reference")))
			.andExpect(content().string(containsString("line_bankLoans")))
			.andExpect(content().string(containsString("0.45")));

		this.mvc
			.perform(post(url).with(as(Role.CREDIT_MANAGER))
				.with(csrf())
				.header("Accept-Language", "en")
				.param("json", this.models.exportJson(draft.code(), 1))
				.param("check", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The model is valid.")));
	}

	@Test
	void importsAModelAsADraftFromAFileAndRefusesBrokenText() throws Exception {
		String code = uniqueCode();
		String json = this.models.exportJson("ALTMAN_Z2", 1)
			.replaceFirst("\"code\" : \"ALTMAN_Z2\"", "\"code\" : \"" + code + "\"");

		this.mvc
			.perform(multipart("/assessment/models/import")
				.file(new MockMultipartFile("file", "model.json", "application/json",
						json.getBytes(StandardCharsets.UTF_8)))
				.with(as(Role.CREDIT_MANAGER))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/assessment/models/" + code + "/1"));
		assertThat(this.models.version(code, 1).isDraft()).isTrue();

		this.mvc
			.perform(multipart("/assessment/models/import").param("json", "{\"code\": ")
				.with(as(Role.CREDIT_MANAGER))
				.with(csrf())
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("无法读取模型")));
		this.mvc.perform(get("/assessment/models/import").with(as(Role.CREDIT_ANALYST)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theModelMessagesExistInBothLanguages() throws IOException {
		Properties english = load("messages/assessment-model.properties");
		Properties chinese = load("messages/assessment-model_zh_CN.properties");

		assertThat(new TreeSet<>(chinese.stringPropertyNames()))
			.isEqualTo(new TreeSet<>(english.stringPropertyNames()));
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ModelPagesTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
