package org.safesteps.participation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what could identify a child from free text before it is stored: emails, links, social
 * handles, phone numbers, national ID numbers, street addresses and self-introductions with a
 * name. Each is replaced by a marker such as {@code [phone]}. Written for the languages SafeSteps
 * serves: numbers with spaces, dots, dashes or brackets, any script's digits, and text with no
 * spaces (Thai). It errs on the side of removing too much.
 */
final class TextScrubber {

	private static final String DIGIT = "\\p{Nd}";

	private static final List<Rule> RULES = List.of(
			new Rule("[email]", "[\\p{L}\\p{N}._%+-]+\\s?(?:@|\\(at\\)|\\[at\\])\\s?[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}"),
			new Rule("[link]", "(?i)\\b(?:https?|ftp)://\\S+"),
			new Rule("[link]", "(?i)(?<![\\p{L}\\p{N}@])(?:www\\.)?[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\."
					+ "(?:com|net|org|info|io|me|co|th|vn|id|ph|jp|my|sg|au|la|kh|np|lk|app|gg|ly|tv|xyz|link|site|online)"
					+ "(?![\\p{L}\\p{N}])(?:/\\S*)?"),
			new Rule("[handle]", "(?iu)\\b(?:line\\s?id|line|ig|insta(?:gram)?|tiktok|tt|fb|facebook|snap(?:chat)?|discord"
					+ "|zalo|telegram|tele|whatsapp|wa|x|twitter|roblox|ไลน์|ไอจี)\\s*(?:id)?\\s*[:：=]\\s*@?[\\p{L}\\p{N}_.]{2,30}"),
			new Rule("[handle]", "(?<![\\p{L}\\p{N}._%+-])@[\\p{L}\\p{N}_.]{2,30}"),
			// national ID numbers: Singapore NRIC/FIN, Sri Lanka NIC, Malaysia MyKad, Thai ID (1-4-5-2-1)
			new Rule("[id-number]", "(?i)(?<![\\p{L}\\p{N}])[STFGM]" + DIGIT + "{7}[A-Z](?![\\p{L}\\p{N}])"),
			new Rule("[id-number]", "(?i)(?<![\\p{N}])" + DIGIT + "{9}[VX](?![\\p{L}\\p{N}])"),
			new Rule("[id-number]", "(?<![\\p{N}])" + DIGIT + "{6}-" + DIGIT + "{2}-" + DIGIT + "{4}(?![\\p{N}])"),
			new Rule("[id-number]", "(?<![\\p{N}])" + DIGIT + "[ -]?" + DIGIT + "{4}[ -]?" + DIGIT + "{5}[ -]?" + DIGIT
					+ "{2}[ -]?" + DIGIT + "(?![\\p{N}])"),
			// long digit runs with separators: phones (a leading + or 0) or ID numbers (12 or more digits)
			new Rule(null, "(?<![\\p{N}])\\+?\\(?" + DIGIT + "[" + "\\p{Nd}" + "\\s().\\-]{6,22}" + DIGIT + "(?![\\p{N}])"),
			new Rule("[address]", "(?iu)\\b(?:no\\.?\\s?)?" + DIGIT + "{1,5}(?:[/-]" + DIGIT + "{1,4})?[,\\s]+(?:[\\p{L}.]+\\s){0,3}"
					+ "(?:street|st\\.?|road|rd\\.?|avenue|ave\\.?|lane|ln\\.?|drive|dr\\.?|soi|moo|jalan|jl\\.?|gang|gg\\.?"
					+ "|đường|duong|phố|pho|ngõ|ngo|hẻm|hem|barangay|brgy\\.?|purok|chome)\\b[^,.\\n]{0,40}"),
			new Rule("[address]", "(?iu)\\b(?:jalan|jl\\.?|đường|duong|phố|ngõ|hẻm|barangay|brgy\\.?)\\s+\\p{L}[\\p{L}\\p{M}\\p{N}]*"
					+ "(?:\\s+\\p{L}[\\p{L}\\p{M}\\p{N}]*)?"),
			new Rule("[address]", "(?:บ้านเลขที่|เลขที่|ซอย|ถนน|หมู่บ้าน|หมู่ที่|หมู่)\\s*[\\p{L}\\p{M}\\p{N}/.\\-]{1,30}"
					+ "(?:\\s+[\\p{N}/.\\-]{1,10})?"),
			// a house number after an address: "Jl. Merdeka No. 17"
			new Rule("[address]", "(?iu)\\[address\\](?:[.,]?\\s*(?:no\\.?|nomor|số|so)?\\s?" + DIGIT + "{1,5}\\p{L}?)+"),
			new Rule("[address]", "\\p{IsHan}{1,4}[都道府県]\\p{IsHan}{1,6}[市区町村][\\p{IsHan}\\p{N}\\-ー丁目番地号]{0,20}"),
			// self-introductions: my name is ...
			new Rule("[name]", "(?iu)\\b(?:my name is|my name's|i am called|tên (?:tôi|em|mình|tớ|con) là|ten (?:toi|em|minh) la"
					+ "|nama (?:saya|aku|ku|gue|gw) (?:adalah )?|namaku|pangalan ko ay|ako si|ang pangalan ko ay|nama saya ialah)\\s*"
					+ "[\\p{L}\\p{M}]+(?-i:(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*){0,2})"),
			new Rule("[name]", "(?:ชื่อ|ผม ชื่อ|หนูชื่อ)[\\p{IsThai}&&[^\\s]]{1,20}"),
			new Rule("[name]", "(?:私の名前は|ぼくの名前は|僕の名前は|わたしの名前は|名前は)\\s*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー]{1,10}?"
					+ "(?=です|だよ|だ|と|。|、|\\s|$)"));

	private TextScrubber() {
	}

	/** The text with every identifying detail replaced by its marker. */
	static String scrub(String text) {
		String result = text;
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(result);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				matcher.appendReplacement(out, Matcher.quoteReplacement(rule.markerFor(matcher.group())));
			}
			matcher.appendTail(out);
			result = out.toString();
		}
		return result;
	}

	/** @param marker what replaces a match; null for digit runs, which are told apart by their length */
	private record Rule(String marker, Pattern pattern) {

		Rule(String marker, String regex) {
			this(marker, Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS));
		}

		String markerFor(String match) {
			if (this.marker != null) {
				return this.marker;
			}
			long digits = match.chars().filter(Character::isDigit).count();
			if (digits < 8) {
				return match;
			}
			boolean dialled = match.startsWith("+") || match.startsWith("(") || match.startsWith("0");
			return (dialled || digits < 12) ? "[phone]" : "[id-number]";
		}

	}

}
