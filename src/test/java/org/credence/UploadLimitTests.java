package org.credence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The servlet container's upload limit, which only a real HTTP request reaches. */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitTests {

	@LocalServerPort
	int port;

	@Test
	void refusesAnUploadOverTheLimitWithAProblemNamingTheFile() {
		LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(new byte[200 * 1024 * 1024 + 4096]) {
			@Override
			public String getFilename() {
				return "big.csv";
			}
		});
		String basic = Base64.getEncoder()
			.encodeToString("admin:admin-password-for-tests".getBytes(StandardCharsets.UTF_8));

		var response = RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/api/v1/imports/customers")
			.header("Authorization", "Basic " + basic)
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.exchange((request, answer) -> new Object[] { answer.getStatusCode(),
					new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8) });

		assertThat(response[0]).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat((String) response[1]).contains("\"field\":\"file\"").contains("文件过大：每次上传不超过 200 MB。");
	}

}
