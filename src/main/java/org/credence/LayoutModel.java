package org.credence;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the page layout needs on every UI page: the current path (to mark the navigation)
 * and the current URL in each language, so switching language keeps filters and paging.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.isEmpty() ? "/" : path;
	}

	@ModelAttribute("langUrls")
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
