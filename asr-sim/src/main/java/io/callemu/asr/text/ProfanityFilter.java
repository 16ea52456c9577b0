package io.callemu.asr.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Applies a {@link ProfanityMode} over a configurable lexicon of whole, lower-case words. */
public final class ProfanityFilter {

    /** A small default lexicon; tests and users replace it through the recognizer configuration. */
    public static final Set<String> DEFAULT_LEXICON =
            Set.of("damn", "hell", "crap", "shit", "fuck", "fucking", "bitch", "bastard", "asshole");

    private final Set<String> lexicon;
    private final ProfanityMode mode;

    public ProfanityFilter(Set<String> lexicon, ProfanityMode mode) {
        this.lexicon = lexicon.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.mode = mode;
    }

    public ProfanityMode mode() {
        return mode;
    }

    public boolean isProfane(String word) {
        return lexicon.contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean containsProfanity(List<String> words) {
        for (String w : words) {
            if (isProfane(w)) {
                return true;
            }
        }
        return false;
    }

    /** The ITN tokens with the mode applied to their words; entities (numbers, addresses, …) are never profane. */
    List<ItnToken> applyToTokens(List<ItnToken> tokens) {
        boolean any = false;
        for (ItnToken t : tokens) {
            any |= t.kind() == TokenKind.WORD && isProfane(t.itn());
        }
        if (mode == ProfanityMode.RAW || !any) {
            return tokens;
        }
        List<ItnToken> out = new ArrayList<>(tokens.size());
        for (ItnToken t : tokens) {
            if (t.kind() != TokenKind.WORD || !isProfane(t.itn())) {
                out.add(t);
            } else if (mode == ProfanityMode.MASKED) {
                out.add(ItnToken.word("*".repeat(t.itn().length())));
            }
        }
        return out;
    }
}
