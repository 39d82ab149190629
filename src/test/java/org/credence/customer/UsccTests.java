package org.credence.customer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UsccTests {

	@ParameterizedTest
	@ValueSource(strings = { "91440300708461136T", "91110000600037341L", "911100001000128855", "91350100M000100Y43",
			"91310000MA1FL4B24G", " 91310000ma1fl4b24g " })
	void acceptsRealCodesWhoseCheckCharacterMatches(String code) {
		assertThat(Uscc.isValid(code)).isTrue();
		assertThat(new Uscc(code).value()).isEqualTo(code.strip().toUpperCase());
	}

	@ParameterizedTest
	@CsvSource({ "91440300708461136X, check-digit", "911100001000128856, check-digit", "9144030070846113T, length",
			"91440300708461136TT, length", "91440300708I61136T, characters", "9144030070846113OT, characters",
			"'', length" })
	void namesWhatIsWrongWithAnInvalidCode(String code, String problem) {
		assertThat(Uscc.problem(code)).contains(problem);
		assertThatIllegalArgumentException().isThrownBy(() -> new Uscc(code));
	}

	@ParameterizedTest
	@CsvSource({ "91440300708461136, T", "91110000600037341, L", "91350100M000100Y4, 3" })
	void computesTheCheckCharacterOfTheFirstSeventeen(String first17, char check) {
		assertThat(Uscc.checkCharacter(first17)).isEqualTo(check);
	}

}
