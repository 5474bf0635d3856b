package org.safesteps.participation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What could identify a child is replaced by a marker, in the languages SafeSteps serves. */
class TextScrubberTest {

	/** Each row: the text a child wrote, and what is stored. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			email me at somchai.j@example.com please        | email me at [email] please
			my mail is linh (at) gmail.com                  | my mail is [email]
			call me 081-234-5678                            | call me [phone]
			call me on 081 234 5678 ok                      | call me on [phone] ok
			my number is (02) 123.4567 x                    | my number is [phone] x
			โทรหาเราได้ที่0812345678นะ                       | โทรหาเราได้ที่[phone]นะ
			เบอร์ ๐๘๑-๒๓๔-๕๖๗๘ ค่ะ                           | เบอร์ [phone] ค่ะ
			số của em là 0912 345 678 nhé                   | số của em là [phone] nhé
			gọi +84 912 345 678                              | gọi [phone]
			hubungi aku di 0812-3456-7890 ya                | hubungi aku di [phone] ya
			WA +62 812 3456 7890                            | WA [phone]
			tawagan mo ako sa 0917 123 4567                 | tawagan mo ako sa [phone]
			+63 917 123 4567 po                             | [phone] po
			電話は090-1234-5678です                           | 電話は[phone]です
			see www.example.com/me and https://x.co/abc     | see [link] and [link]
			check tiktok.com/@linh2015                      | check [link]
			follow me @nong_2014 on tiktok                  | follow me [handle] on tiktok
			my IG: nong.cute.14                             | my [handle]
			ไลน์: somchai99                                  | [handle]
			line id: linh.tran                              | [handle]
			I live at 12 Sukhumvit Road near the market      | I live at [address]
			บ้านเลขที่ 99/12 ซอยสุขุมวิท 11                    | [address] [address]
			nhà em ở số 5 đường Lê Lợi quận 1                | nhà em ở số [address]
			rumahku di Jl. Merdeka No. 17 Bandung            | rumahku di [address] Bandung
			taga Barangay San Roque ako                      | taga [address] ako
			東京都新宿区西新宿2-8-1に住んでいる                  | [address]に住んでいる
			my ID is 1-2345-67890-12-3                       | my ID is [id-number]
			NIK 3201234567890001                             | NIK [id-number]
			NRIC S1234567D                                   | NRIC [id-number]
			NIC 912345678V                                   | NIC [id-number]
			IC 010203-14-5678                                | IC [id-number]
			my name is Somchai Jaidee and i am 12            | [name] and i am 12
			หนูชื่อมะลิ อยู่ ป.5                               | [name] อยู่ ป.5
			tên em là Linh                                   | [name]
			nama saya Budi                                   | [name]
			ang pangalan ko ay Maria Santos                  | [name]
			私の名前はさくらです                                 | [name]です
			I am 12 and I scored 100 in 2026                 | I am 12 and I scored 100 in 2026
			this lesson was great, thanks                    | this lesson was great, thanks
			""")
	void scrubs(String written, String stored) {
		assertThat(TextScrubber.scrub(written.strip())).isEqualTo(stored.strip());
	}

}
