package org.credence.identity.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.credence.identity.Users;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The user's language: the one they chose (remembered on their account and in a cookie),
 * else the browser's preference between 简体中文 and English, else Chinese. API calls follow
 * {@code Accept-Language}.
 */
public class UserLocaleResolver implements LocaleResolver {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

	static final String COOKIE = "credence-lang";

	private static final String SESSION_ATTRIBUTE = UserLocaleResolver.class.getName() + ".locale";

	private final Users users;

	public UserLocaleResolver(Users users) {
		this.users = users;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			Locale chosen = chosen(request);
			if (chosen != null) {
				return chosen;
			}
		}
		return fromBrowser(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Locale supported = locale == null ? null : supported(locale);
		if (supported == null) {
			return;
		}
		var session = request.getSession(false);
		if (session != null) {
			session.setAttribute(SESSION_ATTRIBUTE, supported);
		}
		if (response != null) {
			Cookie cookie = new Cookie(COOKIE, supported.toLanguageTag());
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			cookie.setMaxAge(60 * 60 * 24 * 365);
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated() && this.users.exists(authentication.getName())) {
			this.users.rememberPreferences(authentication.getName(), supported, null);
		}
	}

	private @Nullable Locale chosen(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale locale) {
			return locale;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.isAuthenticated()) {
			var user = this.users.find(authentication.getName());
			if (user.isPresent() && user.get().locale() != null) {
				Locale remembered = supported(Locale.forLanguageTag(user.get().locale()));
				if (remembered != null) {
					session.setAttribute(SESSION_ATTRIBUTE, remembered);
					return remembered;
				}
			}
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					return supported(Locale.forLanguageTag(cookie.getValue()));
				}
			}
		}
		return null;
	}

	private static Locale fromBrowser(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return CHINESE;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				Locale supported = supported(Locale.forLanguageTag(range.getRange()));
				if (supported != null) {
					return supported;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// a malformed header is treated as no preference
		}
		return CHINESE;
	}

	static @Nullable Locale supported(Locale locale) {
		return switch (locale.getLanguage()) {
			case "zh" -> CHINESE;
			case "en" -> Locale.ENGLISH;
			default -> null;
		};
	}

}
