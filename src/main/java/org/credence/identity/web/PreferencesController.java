package org.credence.identity.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.credence.identity.CurrentUser;
import org.credence.identity.UserSummary;
import org.credence.identity.Users;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each user's own preferences: the language of the interface and the unit for large
 * amounts (元 or 万元). A new language applies from the next page on.
 */
@Controller
@RequestMapping("/preferences")
class PreferencesController {

	static final List<String> LANGUAGES = List.of("zh-CN", "en");

	static final List<String> AMOUNT_UNITS = List.of("YUAN", "WAN_YUAN");

	private final Users users;

	private final CurrentUser currentUser;

	private final LocaleResolver localeResolver;

	private final MessageSource messages;

	PreferencesController(Users users, CurrentUser currentUser, LocaleResolver localeResolver, MessageSource messages) {
		this.users = users;
		this.currentUser = currentUser;
		this.localeResolver = localeResolver;
		this.messages = messages;
	}

	@GetMapping
	String preferences(Model model, Locale locale) {
		String unit = this.users.find(this.currentUser.username()).map(UserSummary::amountUnit).orElse("YUAN");
		model.addAttribute("form", new PreferencesForm(tagOf(locale), unit));
		return page(model);
	}

	@PostMapping
	String save(@Valid @ModelAttribute("form") PreferencesForm form, BindingResult errors, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(model);
		}
		Locale locale = Locale.forLanguageTag(form.language());
		this.users.rememberPreferences(this.currentUser.username(), locale, form.amountUnit());
		this.localeResolver.setLocale(request, response, locale);
		// the confirmation already speaks the language just chosen
		redirect.addFlashAttribute("flashSuccess",
				this.messages.getMessage("identity.preferences.saved", null, locale));
		return "redirect:/preferences";
	}

	private String page(Model model) {
		model.addAttribute("languages", LANGUAGES);
		model.addAttribute("amountUnits", AMOUNT_UNITS);
		return "identity/preferences";
	}

	private static String tagOf(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
	}

	/** The preferences form: a language tag and an amount unit. */
	record PreferencesForm(@NotNull @Pattern(regexp = "zh-CN|en") @Nullable String language,
			@NotNull @Pattern(regexp = "YUAN|WAN_YUAN") @Nullable String amountUnit) {
	}

}
