package org.credence.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	@Test
	void masksTheGivenNameOfAChineseName() {
		assertThat(PersonalData.mask(PersonalDataKind.NAME, "李明")).isEqualTo("李*");
		assertThat(PersonalData.mask(PersonalDataKind.NAME, "欧阳娜娜")).isEqualTo("欧***");
	}

	@Test
	void masksEachPartOfALatinName() {
		assertThat(PersonalData.mask(PersonalDataKind.NAME, "Anna Smith")).isEqualTo("A*** S****");
	}

	@Test
	void keepsTheFirstThreeAndLastFourDigitsOfAMobileNumber() {
		assertThat(PersonalData.mask(PersonalDataKind.PHONE, "13812345678")).isEqualTo("138****5678");
		assertThat(PersonalData.mask(PersonalDataKind.PHONE, "138-1234-5678")).isEqualTo("138****5678");
	}

	@Test
	void hidesShortPhoneNumbersAlmostEntirely() {
		assertThat(PersonalData.mask(PersonalDataKind.PHONE, "1234")).isEqualTo("****");
		assertThat(PersonalData.mask(PersonalDataKind.PHONE, "1234567")).isEqualTo("*****67");
	}

	@Test
	void keepsTheFirstLetterAndDomainOfAnEmail() {
		assertThat(PersonalData.mask(PersonalDataKind.EMAIL, "li.ming@example.com")).isEqualTo("l******@example.com");
		assertThat(PersonalData.mask(PersonalDataKind.EMAIL, "a@example.com")).isEqualTo("a*@example.com");
	}

	@Test
	void hidesAnEmailWithoutDomainEntirely() {
		assertThat(PersonalData.mask(PersonalDataKind.EMAIL, "nobody")).isEqualTo("******");
	}

	@Test
	void leavesAbsentAndEmptyValuesAlone() {
		assertThat(PersonalData.mask(PersonalDataKind.NAME, null)).isNull();
		assertThat(PersonalData.mask(PersonalDataKind.PHONE, "")).isEmpty();
	}

}
