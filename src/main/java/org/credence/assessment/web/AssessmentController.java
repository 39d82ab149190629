package org.credence.assessment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.credence.assessment.AssessmentResult;
import org.credence.assessment.AssessmentResult.FactorResult;
import org.credence.assessment.Assessments;
import org.credence.assessment.model.FactorDefinition;
import org.credence.assessment.model.FactorSource;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.model.ScoringModels;
import org.credence.assessment.rating.FactorValues;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.shared.InvalidInputException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessments tab of the 客户360 page: the current rating and its history, running a
 * new assessment with the qualitative questions, one assessment with its factors and
 * reasons beside the override forms.
 */
@Controller
@RequestMapping("/customers/{code}/assessments")
class AssessmentController {

	private static final String ANSWER = "qualitative.";

	private final Customers customers;

	private final Assessments assessments;

	private final ScoringModels models;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	AssessmentController(Customers customers, Assessments assessments, ScoringModels models, CurrentUser currentUser,
			MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.customers = customers;
		this.assessments = assessments;
		this.models = models;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@GetMapping
	String assessments(@PathVariable String code, Model model) {
		CustomerDetails customer = this.customers.get(code);
		List<AssessmentResult> history = this.assessments.history(code);
		model.addAttribute("customer", customer);
		model.addAttribute("history", history);
		model.addAttribute("current", history.isEmpty() ? null : history.get(0));
		List<Map<String, Object>> points = new ArrayList<>();
		history.stream().sorted(Comparator.comparing(AssessmentResult::assessedAt)).forEach(a -> {
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("date", a.assessedAt().atZone(this.clock.getZone()).toLocalDate().toString());
			point.put("score", a.score());
			point.put("grade", a.grade());
			points.add(point);
		});
		model.addAttribute("chartJson", this.json.writeValueAsString(points).replace("<", "\\u003c"));
		return "assessment/assessments";
	}

	@GetMapping("/new")
	String newAssessment(@PathVariable String code,
			@RequestParam(name = "model", required = false) @Nullable String modelCode, Model model) {
		Map<String, String> answers = new LinkedHashMap<>();
		this.assessments.previousAnswers(code)
			.forEach((factor, value) -> answers.put(factor, value.stripTrailingZeros().toPlainString()));
		return form(code, modelCode, answers, Map.of(), model);
	}

	@PostMapping
	String assess(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		String modelCode = blankToNull(form.get("modelCode"));
		Map<String, String> typed = new LinkedHashMap<>();
		Map<String, BigDecimal> answers = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith(ANSWER) && !value.isBlank()) {
				typed.put(name.substring(ANSWER.length()), value);
				try {
					answers.put(name.substring(ANSWER.length()), new BigDecimal(value.strip()));
				}
				catch (NumberFormatException ex) {
					errors.put(name, message("assessment.qualitative.not-a-number"));
				}
			}
		});
		if (!errors.isEmpty()) {
			return form(code, modelCode, typed, errors, model);
		}
		try {
			AssessmentResult result = this.assessments.assess(code, modelCode, answers);
			redirect.addFlashAttribute("flashSuccess",
					message("assessment.assessed", result.grade(), result.score().toPlainString()));
			return "redirect:/customers/{code}/assessments/" + result.id();
		}
		catch (InvalidInputException ex) {
			return form(code, modelCode, typed, Problems.messages(ex, this.messages), model);
		}
	}

	@GetMapping("/{id}")
	String assessment(@PathVariable String code, @PathVariable long id, Model model) {
		return result(code, id, OverrideForm.empty(), Map.of(), model);
	}

	@PostMapping("/{id}/override")
	String proposeOverride(@PathVariable String code, @PathVariable long id, OverrideForm form, Model model,
			RedirectAttributes redirect) {
		requireOf(code, id);
		try {
			this.assessments.proposeOverride(id, form.grade() == null ? "" : form.grade(),
					form.reason() == null ? "" : form.reason());
			redirect.addFlashAttribute("flashSuccess", message("assessment.override.proposed"));
		}
		catch (InvalidInputException ex) {
			return result(code, id, form, Problems.messages(ex, this.messages), model);
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex.messageCode(), ex.arguments()));
		}
		return "redirect:/customers/{code}/assessments/" + id;
	}

	@PostMapping("/{id}/override/decision")
	String decideOverride(@PathVariable String code, @PathVariable long id, @RequestParam String decision,
			@RequestParam(required = false) @Nullable String comment, RedirectAttributes redirect) {
		requireOf(code, id);
		try {
			boolean approve = "APPROVE".equals(decision);
			this.assessments.decideOverride(id, approve, comment);
			redirect.addFlashAttribute("flashSuccess",
					message(approve ? "assessment.override.approved" : "assessment.override.rejected"));
		}
		catch (RuleViolationException | InvalidInputException ex) {
			redirect.addFlashAttribute("flashWarning", ex instanceof InvalidInputException invalid
					? String.join(" ", Problems.messages(invalid, this.messages).values())
					: message(((RuleViolationException) ex).messageCode(), ((RuleViolationException) ex).arguments()));
		}
		return "redirect:/customers/{code}/assessments/" + id;
	}

	private String form(String code, @Nullable String modelCode, Map<String, String> answers,
			Map<String, String> errors, Model model) {
		CustomerDetails customer = this.customers.get(code);
		List<ModelDefinition> active = this.models.activeModels();
		String chosen = modelCode != null ? modelCode
				: this.assessments.current(code)
					.map(AssessmentResult::modelCode)
					.orElse(this.models.defaultModelCode());
		ModelDefinition definition = active.stream()
			.filter(m -> m.code().equals(chosen))
			.findFirst()
			.orElse(active.isEmpty() ? null : active.get(0));
		model.addAttribute("customer", customer);
		model.addAttribute("models", active);
		model.addAttribute("model", definition);
		model.addAttribute("questions", definition == null ? List.of()
				: definition.factors().stream().filter(f -> f.source() == FactorSource.QUALITATIVE).toList());
		model.addAttribute("answers", answers);
		model.addAttribute("errors", errors);
		model.addAttribute("statement", this.assessments.hasStatement(code));
		return "assessment/assessment-new";
	}

	private String result(String code, long id, OverrideForm form, Map<String, String> errors, Model model) {
		CustomerDetails customer = this.customers.get(code);
		AssessmentResult assessment = requireOf(code, id);
		ModelDefinition definition = this.models.version(assessment.modelCode(), assessment.modelVersion());
		Map<String, FactorDefinition> factors = definition.factors()
			.stream()
			.collect(Collectors.toMap(FactorDefinition::code, Function.identity(), (a, b) -> a));
		boolean chinese = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
		List<FactorRow> rows = assessment.factors()
			.stream()
			.map(f -> FactorRow.of(f, factors.get(f.code()), chinese))
			.toList();
		boolean current = this.assessments.current(code).map(c -> c.id() == id).orElse(false);
		AssessmentResult.Override override = assessment.override();
		model.addAttribute("customer", customer);
		model.addAttribute("assessment", assessment);
		model.addAttribute("definition", definition);
		model.addAttribute("rows", rows);
		model.addAttribute("chinese", chinese);
		model.addAttribute("isCurrent", current);
		model.addAttribute("grades", definition.scale().stream().map(b -> b.grade()).toList());
		model.addAttribute("ownProposal", override != null && "OVERRIDE_PROPOSED".equals(assessment.status())
				&& override.proposedBy().equals(this.currentUser.username()));
		model.addAttribute("overrideForm", form);
		model.addAttribute("errors", errors);
		return "assessment/assessment";
	}

	private AssessmentResult requireOf(String code, long id) {
		AssessmentResult assessment = this.assessments.get(id);
		if (!assessment.customerCode().equals(code)) {
			throw new org.credence.shared.NotFoundException("assessment.not-found", id);
		}
		return assessment;
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The override form as typed. */
	record OverrideForm(@Nullable String grade, @Nullable String reason) {

		static OverrideForm empty() {
			return new OverrideForm(null, null);
		}

	}

	/** One line of the factor table, its value as it reads in the user's language. */
	record FactorRow(String code, String name, String source, String value, BigDecimal points, BigDecimal weight,
			BigDecimal contribution, boolean missing, @Nullable String missingPolicy) {

		static FactorRow of(FactorResult factor, @Nullable FactorDefinition definition, boolean chinese) {
			String value = definition == null
					? (factor.value() == null ? "—" : factor.value().stripTrailingZeros().toPlainString())
					: FactorValues.format(definition, factor.value(), chinese);
			return new FactorRow(factor.code(), chinese ? factor.nameZh() : factor.nameEn(), factor.source(), value,
					factor.points(), factor.weight(), factor.contribution(), factor.missing(),
					factor.missingPolicy() == null ? null : factor.missingPolicy().toLowerCase(Locale.ROOT));
		}

	}

}
