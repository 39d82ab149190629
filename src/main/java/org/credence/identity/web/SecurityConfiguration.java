package org.credence.identity.web;

import java.time.Clock;
import java.util.Locale;

import org.credence.identity.token.ApiTokenAuthenticationFilter;
import org.credence.identity.token.ApiTokenRepository;
import org.credence.identity.user.AccountDetailsService;
import org.credence.identity.user.UserAccountRepository;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two ways in. The API ({@code /api/**}) is stateless: HTTP Basic or an API token, no
 * session, no CSRF, and every refusal as problem details. The UI uses form login with a
 * session, CSRF tokens on every form, and strict security headers. Both authorise by the
 * same permissions.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String[] PUBLIC_PATHS = { "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
			"/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**" };

	/**
	 * Delegating encoder: BCrypt for new hashes, older formats still readable after an
	 * upgrade.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * No observation per security filter, authentication and authorization: on the order
	 * path they cost about a tenth of the CPU of a credit check. Every request is still
	 * timed ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokenRepository tokens, AccountDetailsService accounts, Clock clock,
			JsonMapper json, MessageSource messages) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Credence\", Bearer");
			Locale locale = apiLocale(request);
			problem(json, response, HttpStatus.UNAUTHORIZED,
					messages.getMessage("error.unauthorized.title", null, locale),
					messages.getMessage("error.unauthorized", null, locale));
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			Locale locale = apiLocale(request);
			problem(json, response, HttpStatus.FORBIDDEN, messages.getMessage("error.forbidden.title", null, locale),
					messages.getMessage("error.forbidden", null, locale));
		};
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, accounts, clock, unauthorized),
					BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(
					handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain ui(HttpSecurity http, UserAccountRepository accounts) throws Exception {
		http.addFilterAfter(new SessionAccountCheck(accounts), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasAuthority("identity:users")
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/** The caller's language from Accept-Language, as the rest of the API answers. */
	private static Locale apiLocale(jakarta.servlet.http.HttpServletRequest request) {
		Locale supported = UserLocaleResolver.supported(request.getLocale());
		return supported == null ? Locale.ENGLISH : supported;
	}

	private static void problem(JsonMapper json, jakarta.servlet.http.HttpServletResponse response, HttpStatus status,
			String title, String detail) throws java.io.IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
