package io.callemu.asr.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * E-mail and web addresses: "john.smith@contoso.com" is said "john dot smith at contoso dot com",
 * "https://www.contoso.com/pay" "h t t p s colon slash slash www dot contoso dot com slash pay".
 * Spoken, a domain is recognised only when it ends in a known top-level domain ("dot com", "dot org",
 * …), and an e-mail's local part is one word or words joined by "dot", "underscore" or "dash" — not
 * a word such as "look" or "me" that is usually followed by "at" ("look at contoso dot com" is a web
 * address after "look at"). Digits inside addresses are said as digits and do not come back joined.
 */
final class Addresses {

    private static final Set<String> TOP_LEVEL_DOMAINS = Set.of("com", "net", "org", "edu", "gov", "mil", "int", "io",
            "co", "us", "uk", "ca", "au", "de", "fr", "eu", "info", "biz", "me", "ai", "app", "dev", "tv");
    /** Words that precede "at" in ordinary speech far more often than they name a mailbox. */
    private static final Set<String> NOT_A_MAILBOX = Set.of("look", "looking", "looked", "me", "us", "him", "her",
            "them", "it", "you", "is", "are", "was", "were", "be", "am", "arrive", "arrived", "call", "stay", "meet",
            "go", "back", "home", "work", "least", "all", "here", "there", "not", "only", "just", "right", "once",
            "point", "aim", "laugh", "stare", "out", "up", "and", "or", "but", "to", "from", "the", "a", "an", "one");
    private static final Set<String> LOCAL_SEPARATORS = Set.of("dot", "underscore", "dash", "hyphen");

    private static final Pattern SLASH = Pattern.compile("/");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9][a-z0-9._-]*@[a-z0-9-]+(\\.[a-z0-9-]+)+");
    private static final Pattern WEB = Pattern.compile("(https?://)?([a-z0-9-]+\\.)+[a-z]{2,}(/[a-z0-9._~/-]*)?");

    private Addresses() {
    }

    /** An e-mail or web address at {@code i}; returns the words used, 0 when there is none. */
    static int match(List<String> w, int i, List<ItnToken> out) {
        int used = email(w, i, out);
        return used > 0 ? used : web(w, i, out);
    }

    private static int email(List<String> w, int i, List<ItnToken> out) {
        if (NOT_A_MAILBOX.contains(w.get(i)) || !isLabel(w.get(i))) {
            return 0;
        }
        int k = i + 1;
        while (k + 1 < w.size() && LOCAL_SEPARATORS.contains(w.get(k)) && isLabel(w.get(k + 1))) {
            k += 2;
        }
        if (k + 1 >= w.size() || !w.get(k).equals("at") || !isLabel(w.get(k + 1))) {
            return 0;
        }
        StringBuilder domain = new StringBuilder();
        int used = domain(w, k + 1, domain);
        if (used == 0) {
            return 0;
        }
        StringBuilder address = new StringBuilder(w.get(i));
        for (int j = i + 1; j < k; j += 2) {
            address.append(separator(w.get(j))).append(w.get(j + 1));
        }
        out.add(ItnToken.of(TokenKind.EMAIL, address.append('@').append(domain).toString()));
        return k + 1 + used - i;
    }

    private static int web(List<String> w, int i, List<ItnToken> out) {
        boolean mayStart = (i + 1 < w.size() && w.get(i + 1).equals("dot")) || w.get(i).equals("h") || w.get(i).equals("w");
        if (!mayStart) {
            return 0;
        }
        StringBuilder address = new StringBuilder();
        int k = i + scheme(w, i, address);
        int used = domain(w, k, address);
        if (used == 0) {
            return 0;
        }
        k += used;
        while (k + 1 < w.size() && w.get(k).equals("slash") && isLabel(w.get(k + 1))) {
            address.append('/').append(w.get(k + 1));
            k += 2;
        }
        out.add(ItnToken.of(TokenKind.WEB_ADDRESS, address.toString()));
        return k - i;
    }

    /** "h t t p [s] colon slash slash": appends the scheme and returns the words used. */
    private static int scheme(List<String> w, int k, StringBuilder out) {
        String[] http = {"h", "t", "t", "p"};
        for (int j = 0; j < http.length; j++) {
            if (k + j >= w.size() || !w.get(k + j).equals(http[j])) {
                return 0;
            }
        }
        int at = k + 4;
        boolean secure = at < w.size() && w.get(at).equals("s");
        if (secure) {
            at++;
        }
        if (at + 2 < w.size() && w.get(at).equals("colon") && w.get(at + 1).equals("slash") && w.get(at + 2).equals("slash")) {
            out.append(secure ? "https://" : "http://");
            return at + 3 - k;
        }
        return 0;
    }

    /** Labels joined by "dot", the last a known top-level domain; "w w w" is www. Returns the words used. */
    private static int domain(List<String> w, int k, StringBuilder out) {
        int start = k;
        StringBuilder d = new StringBuilder();
        if (k + 2 < w.size() && w.get(k).equals("w") && w.get(k + 1).equals("w") && w.get(k + 2).equals("w")) {
            d.append("www");
            k += 3;
        } else if (k < w.size() && isLabel(w.get(k))) {
            d.append(w.get(k));
            k++;
        } else {
            return 0;
        }
        int labels = 1;
        int end = 0;
        int endLength = 0;
        while (k + 1 < w.size() && w.get(k).equals("dot") && isLabel(w.get(k + 1))) {
            d.append('.').append(w.get(k + 1));
            k += 2;
            labels++;
            if (TOP_LEVEL_DOMAINS.contains(w.get(k - 1))) {
                end = k;
                endLength = d.length();
            }
        }
        if (labels < 2 || end == 0) {
            return 0;
        }
        out.append(d, 0, endLength);
        return end - start;
    }

    private static boolean isLabel(String word) {
        if (word.isEmpty() || word.equals("at") || word.equals("dot")) {
            return false;
        }
        for (int c = 0; c < word.length(); c++) {
            if (!Character.isLetterOrDigit(word.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    private static char separator(String word) {
        switch (word) {
            case "dot":
                return '.';
            case "underscore":
                return '_';
            default:
                return '-';
        }
    }

    /** Spells a written e-mail or web address; returns false when the token is neither. */
    static boolean verbalize(String token, List<String> out) {
        if (token.indexOf('.') < 0) {
            return false; // every address has a dot
        }
        String t = token.toLowerCase(Locale.ROOT);
        if (EMAIL.matcher(t).matches()) {
            int at = t.indexOf('@');
            spellLabels(t.substring(0, at), out);
            out.add("at");
            spellLabels(t.substring(at + 1), out);
            return true;
        }
        if (!WEB.matcher(t).matches()) {
            return false;
        }
        int schemeEnd = t.startsWith("http") ? t.indexOf("//") + 2 : 0;
        String rest = t.substring(schemeEnd);
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        if (!TOP_LEVEL_DOMAINS.contains(host.substring(host.lastIndexOf('.') + 1))) {
            return false; // "e.g", "i.e", "v1.2": not addresses
        }
        if (schemeEnd > 0) {
            for (char c : t.substring(0, t.indexOf(':')).toCharArray()) {
                out.add(String.valueOf(c));
            }
            out.add("colon");
            out.add("slash");
            out.add("slash");
        }
        spellLabels(host, out);
        if (slash >= 0) {
            for (String part : SLASH.split(rest.substring(slash + 1))) {
                if (!part.isEmpty()) {
                    out.add("slash");
                    spellLabels(part, out);
                }
            }
        }
        return true;
    }

    /** Labels separated by ".", "_" or "-", each said as a word or digit by digit. */
    private static void spellLabels(String text, List<String> out) {
        StringBuilder label = new StringBuilder();
        for (int c = 0; c <= text.length(); c++) {
            char ch = c < text.length() ? text.charAt(c) : '.';
            if (ch == '.' || ch == '_' || ch == '-') {
                spellLabel(label, out);
                label.setLength(0);
                if (c < text.length()) {
                    out.add(ch == '.' ? "dot" : ch == '_' ? "underscore" : "dash");
                }
            } else {
                label.append(ch);
            }
        }
    }

    private static void spellLabel(CharSequence label, List<String> out) {
        if (label.length() == 0) {
            return;
        }
        StringBuilder run = new StringBuilder();
        for (int c = 0; c <= label.length(); c++) {
            boolean boundary = c == label.length() || (run.length() > 0
                    && Character.isDigit(label.charAt(c)) != Character.isDigit(run.charAt(0)));
            if (boundary && run.length() > 0) {
                if (Character.isDigit(run.charAt(0))) {
                    NumberWords.spellDigits(run, out);
                } else {
                    out.add(run.toString());
                }
                run.setLength(0);
            }
            if (c < label.length()) {
                run.append(label.charAt(c));
            }
        }
    }
}
