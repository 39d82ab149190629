package org.credence.assessment.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.credence.assessment.model.FactorDefinition;
import org.credence.assessment.model.MissingPolicy;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.model.ModelValidator;
import org.credence.assessment.model.ModelVersion;
import org.credence.assessment.model.ScoringFunction;
import org.credence.assessment.model.ScoringModels;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scoring model pages: the list of models and versions, one version with its factors
 * and rating scale, the draft editor (weights and policies as a table, the whole model as
 * JSON, every problem shown with its place), activation, retirement, export and import.
 * Credit managers change models; analysts and auditors may read them.
 */
@Controller
@RequestMapping("/assessment/models")
@PreAuthorize("hasAnyAuthority('assessment:models', 'assessment:run', 'identity:audit')")
class ModelController {

	private static final String MANAGE = "hasAuthority('assessment:models')";

	private final ScoringModels models;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	ModelController(ScoringModels models, CurrentUser currentUser, MessageSource messages) {
		this.models = models;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		Map<String, List<ModelVersion>> byCode = new LinkedHashMap<>();
		for (ModelVersion version : this.models.list()) {
			byCode.computeIfAbsent(version.code(), code -> new ArrayList<>()).add(version);
		}
		model.addAttribute("models", byCode);
		model.addAttribute("defaultCode", this.models.defaultModelCode());
		model.addAttribute("canManage", this.currentUser.has(Permission.MODEL_MANAGE));
		return "assessment/model-list";
	}

	@GetMapping("/{code}/{version}")
	String show(@PathVariable String code, @PathVariable int version, Model model, Locale locale) {
		ModelDefinition definition = this.models.version(code, version);
		return page(definition, this.models.toJson(definition), List.of(), model, locale);
	}

	@PostMapping("/{code}/{version}")
	@PreAuthorize(MANAGE)
	String save(@PathVariable String code, @PathVariable int version, @RequestParam String json,
			@RequestParam(required = false) @Nullable String check, Model model, Locale locale,
			RedirectAttributes redirect) {
		ModelDefinition stored = this.models.version(code, version);
		try {
			ModelDefinition edited = this.models.parseJson(json);
			if (check != null) {
				List<FieldProblem> problems = ModelValidator.problems(edited);
				if (problems.isEmpty()) {
					model.addAttribute("checked", true);
				}
				return page(stored, json, problems, model, locale);
			}
			ModelDefinition saved = this.models.updateDraft(code, version, edited);
			redirect.addFlashAttribute("flashSuccess", message("assessment.model.saved", locale, label(saved)));
			return redirect(saved);
		}
		catch (InvalidInputException ex) {
			return page(stored, json, ex.problems(), model, locale);
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex.messageCode(), locale, ex.arguments()));
			return redirect(stored);
		}
	}

	@PostMapping("/{code}/{version}/weights")
	@PreAuthorize(MANAGE)
	String saveWeights(@PathVariable String code, @PathVariable int version,
			@RequestParam(name = "weight", required = false) String @Nullable [] weights,
			@RequestParam(name = "policy", required = false) String @Nullable [] policies,
			@RequestParam(name = "neutral", required = false) String @Nullable [] neutrals, Model model, Locale locale,
			RedirectAttributes redirect) {
		ModelDefinition stored = this.models.version(code, version);
		List<FieldProblem> problems = new ArrayList<>();
		List<FactorDefinition> factors = new ArrayList<>();
		for (int i = 0; i < stored.factors().size(); i++) {
			FactorDefinition factor = stored.factors().get(i);
			String path = "factors[" + i + "]";
			BigDecimal weight = decimal(at(weights, i), path + ".weight", problems, factor.weight());
			MissingPolicy policy = policy(at(policies, i), factor.missingPolicy());
			BigDecimal neutral = blank(at(neutrals, i)) ? null
					: decimal(at(neutrals, i), path + ".neutralPoints", problems, factor.neutralPoints());
			factors.add(new FactorDefinition(factor.code(), factor.nameZh(), factor.nameEn(), factor.source(),
					factor.reference(), factor.scoring(), weight == null ? BigDecimal.ZERO : weight, policy, neutral,
					factor.options()));
		}
		ModelDefinition edited = stored.withFactors(factors);
		if (!problems.isEmpty()) {
			return page(edited, this.models.toJson(edited), problems, model, locale);
		}
		try {
			ModelDefinition saved = this.models.updateDraft(code, version, edited);
			redirect.addFlashAttribute("flashSuccess", message("assessment.model.saved", locale, label(saved)));
			return redirect(saved);
		}
		catch (InvalidInputException ex) {
			return page(edited, this.models.toJson(edited), ex.problems(), model, locale);
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex.messageCode(), locale, ex.arguments()));
			return redirect(stored);
		}
	}

	@PostMapping("/{code}/{version}/activate")
	@PreAuthorize(MANAGE)
	String activate(@PathVariable String code, @PathVariable int version, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			ModelDefinition active = this.models.activate(code, version);
			redirect.addFlashAttribute("flashSuccess",
					message("assessment.model.activated.flash", locale, label(active)));
			return redirect(active);
		}
		catch (InvalidInputException ex) {
			ModelDefinition stored = this.models.version(code, version);
			return page(stored, this.models.toJson(stored), ex.problems(), model, locale);
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex.messageCode(), locale, ex.arguments()));
			return "redirect:/assessment/models/" + code + "/" + version;
		}
	}

	@PostMapping("/{code}/{version}/retire")
	@PreAuthorize(MANAGE)
	String retire(@PathVariable String code, @PathVariable int version, Locale locale, RedirectAttributes redirect) {
		try {
			ModelDefinition retired = this.models.retire(code, version);
			redirect.addFlashAttribute("flashSuccess",
					message("assessment.model.retired.flash", locale, label(retired)));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex.messageCode(), locale, ex.arguments()));
		}
		return "redirect:/assessment/models/" + code + "/" + version;
	}

	@PostMapping("/{code}/new-version")
	@PreAuthorize(MANAGE)
	String newVersion(@PathVariable String code, Locale locale, RedirectAttributes redirect) {
		ModelDefinition draft = this.models.newVersion(code);
		redirect.addFlashAttribute("flashSuccess", message("assessment.model.created.flash", locale, label(draft)));
		return redirect(draft);
	}

	@GetMapping("/{code}/{version}/export")
	ResponseEntity<byte[]> export(@PathVariable String code, @PathVariable int version) {
		byte[] json = this.models.exportJson(code, version).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(code + "-v" + version + ".json").build().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json);
	}

	@GetMapping("/import")
	@PreAuthorize(MANAGE)
	String importForm(Model model) {
		model.addAttribute("json", "");
		model.addAttribute("problems", List.of());
		return "assessment/model-import";
	}

	@PostMapping("/import")
	@PreAuthorize(MANAGE)
	String importModel(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "json", required = false) @Nullable String json, Model model, Locale locale,
			RedirectAttributes redirect) throws IOException {
		String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8)
				: json == null ? "" : json;
		try {
			ModelDefinition draft = this.models.importJson(text);
			redirect.addFlashAttribute("flashSuccess",
					message("assessment.model.imported.flash", locale, label(draft)));
			return redirect(draft);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("json", text);
			model.addAttribute("problems", problems(ex.problems(), locale));
			return "assessment/model-import";
		}
	}

	private String page(ModelDefinition definition, String json, List<FieldProblem> problems, Model model,
			Locale locale) {
		boolean chinese = "zh".equals(locale.getLanguage());
		model.addAttribute("model", definition);
		model.addAttribute("rows", definition.factors().stream().map(factor -> row(factor, locale, chinese)).toList());
		model.addAttribute("totalWeight",
				definition.factors()
					.stream()
					.map(FactorDefinition::weight)
					.filter(java.util.Objects::nonNull)
					.reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("versions",
				this.models.list().stream().filter(v -> v.code().equals(definition.code())).toList());
		model.addAttribute("canManage", this.currentUser.has(Permission.MODEL_MANAGE));
		model.addAttribute("json", json);
		model.addAttribute("problems", problems(problems, locale));
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			fieldErrors.merge(problem.field(), message(problem.messageCode(), locale, problem.arguments()),
					(a, b) -> a + " " + b);
		}
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("policies", MissingPolicy.values());
		return "assessment/model-view";
	}

	private List<Problem> problems(List<FieldProblem> problems, Locale locale) {
		return problems.stream()
			.map(problem -> new Problem(problem.field(), message(problem.messageCode(), locale, problem.arguments())))
			.toList();
	}

	private FactorRow row(FactorDefinition factor, Locale locale, boolean chinese) {
		List<String> scoring = new ArrayList<>();
		ScoringFunction function = factor.scoring();
		if (function != null && function.type() == ScoringFunction.Type.RANGES) {
			for (ScoringFunction.Range range : function.ranges()) {
				scoring.add(message("assessment.model.scoring.range", locale, ModelValidator.describe(range),
						plain(range.points())));
			}
		}
		else if (function != null && function.lower() != null && function.upper() != null
				&& function.pointsAtLower() != null && function.pointsAtUpper() != null) {
			if (function.lower().compareTo(function.pointsAtLower()) == 0
					&& function.upper().compareTo(function.pointsAtUpper()) == 0) {
				scoring.add(message("assessment.model.scoring.identity", locale, plain(function.lower()),
						plain(function.upper())));
			}
			else {
				scoring.add(message("assessment.model.scoring.linear", locale, plain(function.lower()),
						plain(function.pointsAtLower()), plain(function.upper()), plain(function.pointsAtUpper())));
			}
		}
		List<String> options = factor.options()
			.stream()
			.map(option -> plain(option.value()) + " = " + (chinese ? option.labelZh() : option.labelEn()))
			.toList();
		return new FactorRow(factor, chinese ? factor.nameZh() : factor.nameEn(), scoring, options,
				factor.missingPolicy() == MissingPolicy.NEUTRAL && function != null ? plain(factor.neutral()) : null);
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, locale);
	}

	private static String redirect(ModelDefinition model) {
		return "redirect:/assessment/models/" + model.code() + "/" + model.version();
	}

	private static String label(ModelDefinition model) {
		return model.code() + " v" + model.version();
	}

	private static String plain(@Nullable BigDecimal value) {
		return value == null ? "—" : value.stripTrailingZeros().toPlainString();
	}

	private static @Nullable String at(String @Nullable [] values, int index) {
		return values == null || index >= values.length ? null : values[index];
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static @Nullable BigDecimal decimal(@Nullable String text, String field, List<FieldProblem> problems,
			@Nullable BigDecimal fallback) {
		if (blank(text)) {
			problems.add(new FieldProblem(field, "assessment.model.problem.required"));
			return fallback;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "assessment.model.problem.number"));
			return fallback;
		}
	}

	private static MissingPolicy policy(@Nullable String text, MissingPolicy fallback) {
		try {
			return text == null ? fallback : MissingPolicy.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	/** A problem as the page shows it: where, and what, in the reader's language. */
	record Problem(String path, String message) {
	}

	/** A factor as the read view shows it. */
	record FactorRow(FactorDefinition factor, String name, List<String> scoring, List<String> options,
			@Nullable String neutralPoints) {
	}

}
