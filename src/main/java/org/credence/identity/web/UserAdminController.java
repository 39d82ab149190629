package org.credence.identity.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.credence.identity.ApiTokenSummary;
import org.credence.identity.IssuedToken;
import org.credence.identity.NewUser;
import org.credence.identity.Role;
import org.credence.identity.UserChange;
import org.credence.identity.UserSummary;
import org.credence.identity.Users;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user administration pages: the list of users, a new user, and one user's roles,
 * status, password and API tokens.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAuthority('identity:users')")
class UserAdminController {

	private final Users users;

	private final MessageSource messages;

	private final Clock clock;

	UserAdminController(Users users, MessageSource messages, Clock clock) {
		this.users = users;
		this.messages = messages;
		this.clock = clock;
	}

	@InitBinder
	void blankAsAbsent(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping
	String list(Model model) {
		Instant now = this.clock.instant();
		model.addAttribute("users", this.users.list().stream().map(user -> UserRow.of(user, now)).toList());
		return "identity/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new NewUserForm(null, null, null, Set.of(), null));
		model.addAttribute("roles", Role.values());
		return "identity/user-new";
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, Locale locale) {
		if (!errors.hasErrors()) {
			try {
				UserSummary created = this.users.create(
						new NewUser(form.username(), form.displayName(), form.email(), form.roles(), form.password()));
				redirect.addFlashAttribute("flashSuccess", this.messages.getMessage("identity.users.created",
						new Object[] { created.username() }, locale));
				return "redirect:/admin/users/" + created.username();
			}
			catch (ConflictException ex) {
				errors.rejectValue("username", ex.messageCode(), ex.arguments(), null);
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		model.addAttribute("roles", Role.values());
		return "identity/user-new";
	}

	@GetMapping("/{username}")
	String edit(@PathVariable String username, Model model) {
		UserSummary user = found(username);
		model.addAttribute("form", UserEditForm.of(user));
		model.addAttribute("tokenForm", new TokenForm(null, null));
		return editPage(user, model);
	}

	@PostMapping("/{username}")
	String change(@PathVariable String username, @Valid @ModelAttribute("form") UserEditForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, Locale locale) {
		UserSummary user = found(username);
		if (!errors.hasErrors()) {
			try {
				// an emptied e-mail field removes the address; null would keep it
				String email = form.email() == null ? "" : form.email();
				this.users.change(username, new UserChange(form.displayName(), email, form.roles(),
						Boolean.TRUE.equals(form.enabled()), form.password()));
				redirect.addFlashAttribute("flashSuccess",
						this.messages.getMessage("identity.users.saved", new Object[] { username }, locale));
				return "redirect:/admin/users/" + username;
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		model.addAttribute("tokenForm", new TokenForm(null, null));
		return editPage(user, model);
	}

	@PostMapping("/{username}/api-tokens")
	String issueToken(@PathVariable String username, @Valid @ModelAttribute("tokenForm") TokenForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UserSummary user = found(username);
		if (!errors.hasErrors()) {
			try {
				IssuedToken issued = this.users.issueToken(username, form.name(), form.expiresOn());
				// a flash attribute survives one redirect: the token is shown this once
				redirect.addFlashAttribute("issuedToken", issued);
				return "redirect:/admin/users/" + username;
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		model.addAttribute("form", UserEditForm.of(user));
		return editPage(user, model);
	}

	@PostMapping("/{username}/api-tokens/{id}/revoke")
	String revokeToken(@PathVariable String username, @PathVariable long id, RedirectAttributes redirect,
			Locale locale) {
		found(username);
		try {
			this.users.revokeToken(username, id);
			redirect.addFlashAttribute("flashSuccess",
					this.messages.getMessage("identity.tokens.revoke-done", new Object[] { id }, locale));
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("flashWarning",
					this.messages.getMessage(ex.messageCode(), ex.arguments(), locale));
		}
		return "redirect:/admin/users/" + username;
	}

	private String editPage(UserSummary user, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("user", UserRow.of(user, this.clock.instant()));
		model.addAttribute("roles", Role.values());
		model.addAttribute("tokens",
				this.users.tokens(user.username()).stream().map(token -> TokenRow.of(token, today)).toList());
		return "identity/user-edit";
	}

	private UserSummary found(String username) {
		return this.users.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static void reject(BindingResult errors, InvalidInputException ex) {
		for (InvalidInputException.FieldProblem problem : ex.problems()) {
			if (errors.getFieldType(problem.field()) != null) {
				errors.rejectValue(problem.field(), problem.messageCode(), problem.arguments(), null);
			}
			else {
				errors.reject(problem.messageCode(), problem.arguments(), null);
			}
		}
	}

	/** A user in the list, with whether a login lock holds now. */
	record UserRow(UserSummary user, boolean locked) {

		static UserRow of(UserSummary user, Instant now) {
			return new UserRow(user, user.lockedUntil() != null && user.lockedUntil().isAfter(now));
		}

	}

	/** An API token in the list, with its status today. */
	record TokenRow(ApiTokenSummary token, TokenStatus status) {

		static TokenRow of(ApiTokenSummary token, LocalDate today) {
			return new TokenRow(token, TokenStatus.of(token, today));
		}

	}

	/** The new-user form; the same rules as {@link NewUser}. */
	record NewUserForm(
			@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
					message = "{identity.username.pattern}") @Nullable String username,
			@NotBlank @Size(max = 200) @Nullable String displayName, @Email @Size(max = 320) @Nullable String email,
			@NotEmpty(message = "{identity.roles.empty}") @Nullable Set<Role> roles,
			@NotBlank @Size(min = 10, max = 200, message = "{identity.password.size}") @Nullable String password) {
	}

	/** The edit form; an empty password keeps the current one. */
	record UserEditForm(@NotBlank @Size(max = 200) @Nullable String displayName,
			@Email @Size(max = 320) @Nullable String email,
			@NotEmpty(message = "{identity.roles.empty}") @Nullable Set<Role> roles, @Nullable Boolean enabled,
			@Size(min = 10, max = 200, message = "{identity.password.size}") @Nullable String password) {

		static UserEditForm of(UserSummary user) {
			return new UserEditForm(user.displayName(), user.email(), user.roles(), user.enabled(), null);
		}

	}

	/** A token to issue from the edit page. */
	record TokenForm(@NotBlank @Size(max = 100) @Nullable String name,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate expiresOn) {
	}

}
