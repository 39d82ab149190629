package org.credence.identity.crypto;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PersonalDataCipherTests {

	@TempDir
	Path dataDir;

	private final String key = Base64.getEncoder()
		.encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
				24, 25, 26, 27, 28, 29, 30, 31, 32 });

	@Test
	void decryptsWhatItEncrypted() {
		PersonalDataCipher cipher = new PersonalDataCipher(this.key, this.dataDir);
		String stored = cipher.encrypt("李明 13812345678");
		assertThat(stored).startsWith("v1:").doesNotContain("李明").doesNotContain("13812345678");
		assertThat(cipher.decrypt(stored)).isEqualTo("李明 13812345678");
	}

	@Test
	void encryptsTheSameValueDifferentlyEachTime() {
		PersonalDataCipher cipher = new PersonalDataCipher(this.key, this.dataDir);
		assertThat(cipher.encrypt("李明")).isNotEqualTo(cipher.encrypt("李明"));
	}

	@Test
	void refusesAlteredCiphertext() {
		PersonalDataCipher cipher = new PersonalDataCipher(this.key, this.dataDir);
		byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("li.ming@example.com").substring(3));
		sealed[sealed.length - 5] ^= 1;
		String tampered = "v1:" + Base64.getEncoder().encodeToString(sealed);
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(tampered));
	}

	@Test
	void refusesCiphertextFromAnotherKey() {
		String other = Base64.getEncoder().encodeToString(new byte[32]);
		String stored = new PersonalDataCipher(other, this.dataDir).encrypt("李明");
		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonalDataCipher(this.key, this.dataDir).decrypt(stored));
	}

	@Test
	void refusesValuesItDidNotEncrypt() {
		PersonalDataCipher cipher = new PersonalDataCipher(this.key, this.dataDir);
		assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt("李明"));
	}

	@Test
	void generatesAKeyFileOnceWhenNoKeyIsConfigured() {
		String stored = new PersonalDataCipher("", this.dataDir).encrypt("李明");
		assertThat(this.dataDir.resolve("keys/personal-data.key")).exists();
		assertThat(new PersonalDataCipher("", this.dataDir).decrypt(stored)).isEqualTo("李明");
	}

	@Test
	void refusesAKeyOfTheWrongLength() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException().isThrownBy(() -> new PersonalDataCipher(shortKey, this.dataDir));
	}

}
