package org.safesteps.participation;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.safesteps.localization.LocalizationProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free text that signals a child may be at risk is recognised in English, Thai, Vietnamese and
 * Indonesian, whatever the app's language, robust to case, accents, repeated letters and one
 * wrong letter; ordinary feedback does not raise a false alarm.
 */
class SignpostingTest {

	static final Signposting SIGNPOSTING = new Signposting(new LocalizationProperties(Path.of("localization")), null);

	@ParameterizedTest(name = "risk: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			a man i met in a game wants to meet me and keep it secret
			SOMEONE ASKED FOR NUDES
			he said he will share my photos if i dont send more
			sometimes i want to kill myself
			i want to killl myselfff
			my uncle touched me and i dont like it
			someone asked me to send picss of my body
			he keeps asking to meet up irl and not tell my parents
			มีคนขอรูปโป๊ของหนู
			เขาขู่ว่าจะปล่อยคลิปถ้าไม่ส่งรูปเพิ่ม
			หนูอยากตาย
			มีคนในเกมชวนไปเจอกันแต่ห้ามบอกใคร
			anh ấy muốn gặp em ngoài đời
			anh ay muon gap em
			em muốn tự tử
			co nguoi doi anh nude cua em
			aku pengen mati aja
			dia minta foto bugil aku
			om itu ngajak ketemuan diam diam
			dia ngancam sebar foto aku
			""")
	void recognisesRisk(String text) {
		assertThat(SIGNPOSTING.signalsRisk(text)).isTrue();
	}

	@ParameterizedTest(name = "no alarm: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			this lesson was killer
			I hate losing at games
			dying of laughter at the cartoon
			my phone died during the quiz
			I learned to ask before sharing a photo of my friend
			the lesson about meeting people online was useful
			I would tell my mum if someone was mean to me
			บทเรียนนี้สนุกมาก
			ขำจนจะตาย
			bài học rất hay và bổ ích
			em sẽ kể với mẹ nếu có chuyện
			pelajarannya seru banget
			aku mau belajar lebih banyak tentang privasi
			""")
	void ordinaryFeedbackRaisesNoAlarm(String text) {
		assertThat(SIGNPOSTING.signalsRisk(text)).isFalse();
	}

	/** Normalising folds what children vary: case, accents on Latin letters, repeated letters, punctuation. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			HELLPPP!!! me     | help me
			Tự Tử             | tu tu
			đi gặp            | di gap
			ช่วยด้วยยยย         | ช่วยด้วย
			""")
	void normalises(String text, String expected) {
		assertThat(Signposting.normalise(text)).isEqualTo(expected.strip());
	}

}
