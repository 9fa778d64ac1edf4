package dev.baton.platform;

/** Text written into CSV exports, which people open in spreadsheets. */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/**
	 * A text cell made safe for spreadsheets: text people typed that starts like a formula (with =,
	 * +, -, @, a tab or a carriage return) gets a leading single quote, so a spreadsheet shows it as
	 * text instead of running it.
	 */
	public static String cell(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		var first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + text
				: text;
	}
}
