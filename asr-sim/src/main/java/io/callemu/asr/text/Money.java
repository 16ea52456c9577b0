package io.callemu.asr.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money in dollars, euros and pounds: "$20.50" is said "twenty dollars and fifty cents",
 * and "twenty dollars fifty", "twenty dollars and fifty cents" or "twenty point five zero dollars"
 * are all written {@code $20.50}. A scale stays a word ("$2.5 million").
 */
final class Money {

    /** One currency: its symbol, the names of its unit and of its hundredth. */
    private enum Currency {
        DOLLAR('$', "dollar", "dollars", "cent", "cents"),
        EURO('€', "euro", "euros", "cent", "cents"),
        POUND('£', "pound", "pounds", "penny", "pence");

        final char symbol;
        final String one;
        final String many;
        final String subunitOne;
        final String subunitMany;

        Currency(char symbol, String one, String many, String subunitOne, String subunitMany) {
            this.symbol = symbol;
            this.one = one;
            this.many = many;
            this.subunitOne = subunitOne;
            this.subunitMany = subunitMany;
        }

        static Currency ofUnit(String word) {
            for (Currency c : values()) {
                if (c.one.equals(word) || c.many.equals(word)) {
                    return c;
                }
            }
            return null;
        }

        static Currency ofSymbol(char symbol) {
            for (Currency c : values()) {
                if (c.symbol == symbol) {
                    return c;
                }
            }
            return null;
        }

        boolean isSubunit(String word) {
            return subunitOne.equals(word) || subunitMany.equals(word) || (this == POUND && word.equals("p"));
        }
    }

    private static final Pattern WRITTEN = Pattern.compile("([-\u2212]?)([$€£])(\\d{1,3}(?:,\\d{3})*|\\d+)(?:\\.(\\d+))?");

    private Money() {
    }

    /** An amount of money at {@code i} (after an optional sign), or 0 words. */
    static int match(List<String> w, int i, boolean afterNumber, List<ItnToken> out) {
        int k = i;
        String sign = "";
        if ((w.get(i).equals("minus") || w.get(i).equals("negative")) && !afterNumber) {
            sign = "-";
            k++;
        }
        Cardinals.Amount amount = k < w.size() ? Cardinals.parseAmount(w, k) : null;
        if (amount == null) {
            return 0;
        }
        k += amount.words();
        String unitWord = k < w.size() ? w.get(k) : "";
        Currency currency = Currency.ofUnit(unitWord);
        if (currency == null) {
            return subunitsOnly(w, i, k, sign, amount, out);
        }
        k++;
        String written = amount.written();
        if (amount.isInteger()) {
            int[] cents = new int[1];
            int used = cents(w, k, currency, cents);
            if (used > 0) {
                written = amount.whole() + "." + twoDigits(cents[0]);
                k += used;
            }
        }
        out.add(ItnToken.of(TokenKind.MONEY, sign + currency.symbol + written));
        return k - i;
    }

    /** "fifty cents" alone is {@code $0.50}; "twenty pence" {@code £0.20}. */
    private static int subunitsOnly(List<String> w, int i, int k, String sign, Cardinals.Amount amount,
                                    List<ItnToken> out) {
        if (k >= w.size() || !amount.isInteger() || amount.whole() < 1 || amount.whole() > 99) {
            return 0;
        }
        String word = w.get(k);
        Currency currency = word.equals("cents") || word.equals("cent") ? Currency.DOLLAR
                : word.equals("pence") || word.equals("penny") ? Currency.POUND : null;
        if (currency == null) {
            return 0;
        }
        out.add(ItnToken.of(TokenKind.MONEY, sign + currency.symbol + "0." + twoDigits((int) amount.whole())));
        return k + 1 - i;
    }

    /** The cents after the unit: "[and] fifty cents", or a bare "fifty" (10..99) as in "twenty dollars fifty". */
    private static int cents(List<String> w, int k, Currency currency, int[] value) {
        int at = k < w.size() && w.get(k).equals("and") ? k + 1 : k;
        Cardinals.Parsed n = at < w.size() ? Cardinals.parse(w, at) : null;
        if (n == null || n.ordinal() || n.value() < 1 || n.value() > 99) {
            return 0;
        }
        int end = at + n.words();
        if (end < w.size() && currency.isSubunit(w.get(end))) {
            value[0] = (int) n.value();
            return end + 1 - k;
        }
        boolean bare = at == k && n.value() >= 10 && (end >= w.size() || !NumberWords.isNumberWord(w.get(end)));
        if (bare) {
            value[0] = (int) n.value();
            return end - k;
        }
        return 0;
    }

    /**
     * Spells a written amount ("$20.50", "€5", "-£3.20", "$2.5" followed by "million"); returns false
     * when the token is not one.
     */
    static boolean verbalize(String token, String scaleWord, List<String> out) {
        if (token.length() < 2 || "$€£-\u2212".indexOf(token.charAt(0)) < 0) {
            return false;
        }
        Matcher m = WRITTEN.matcher(token);
        if (!m.matches()) {
            return false;
        }
        String digits = m.group(3).replace(",", "");
        if (digits.length() > 15) {
            return false; // beyond what anyone says as an amount; read as digits and symbols instead
        }
        Currency currency = Currency.ofSymbol(m.group(2).charAt(0));
        if (!m.group(1).isEmpty()) {
            out.add("minus");
        }
        long whole = Long.parseLong(digits);
        String fraction = m.group(4);
        if (scaleWord != null || (fraction != null && fraction.length() != 2)) {
            // "$2.5 million", "$20.5": read as a number, then the unit
            NumberWords.spell(whole, out);
            if (fraction != null) {
                out.add("point");
                NumberWords.spellDigits(fraction, out);
            }
            if (scaleWord != null) {
                out.add(scaleWord);
            }
            out.add(currency.many);
            return true;
        }
        int cents = fraction == null ? 0 : Integer.parseInt(fraction);
        if (whole > 0 || cents == 0) {
            NumberWords.spell(whole, out);
            out.add(whole == 1 ? currency.one : currency.many);
            if (cents > 0) {
                out.add("and");
            }
        }
        if (cents > 0) {
            NumberWords.spell(cents, out);
            out.add(cents == 1 ? currency.subunitOne : currency.subunitMany);
        }
        return true;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
