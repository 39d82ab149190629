package org.credence;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the page layout needs on every UI page: the current path (to mark the navigation)
 * and the current URL in each language, so switching language keeps filters and paging.
 * Added after the handler, to the pages it renders only: an API call (no view) pays
 * nothing, where a {@code @ControllerAdvice} model attribute would run for every
 * {@code @RestController} too. Error pages get them from {@link UiErrors}.
 */
@Component
class LayoutModel implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || page.getView() instanceof RedirectView
				|| (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		page.getModelMap().putIfAbsent("currentPath", currentPath(request));
		page.getModelMap().putIfAbsent("langUrls", langUrls(request));
	}

	String currentPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.isEmpty() ? "/" : path;
	}

	Map<String, String> langUrls(HttpServletRequest request) {
		Map<String, String> urls = new LinkedHashMap<>();
		// a page rendered after a failed form post has no GET of its own: use the page it
		// came from
		UriComponentsBuilder base = "GET".equals(request.getMethod()) ? ServletUriComponentsBuilder.fromRequest(request)
				: sameOriginReferer(request);
		for (String tag : new String[] { "zh-CN", "en" }) {
			urls.put(tag,
					base.cloneBuilder()
						.replaceQueryParam("lang", tag)
						.replaceQueryParam("continue")
						.build()
						.toUriString());
		}
		return urls;
	}

	private static UriComponentsBuilder sameOriginReferer(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				var components = UriComponentsBuilder.fromUriString(referer).build();
				if (request.getServerName().equals(components.getHost())) {
					return UriComponentsBuilder.fromPath(components.getPath() == null ? "/" : components.getPath())
						.query(components.getQuery());
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed Referer: fall back to the workbench
			}
		}
		return UriComponentsBuilder.fromPath(request.getContextPath() + "/");
	}

}
