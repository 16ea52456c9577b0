package io.callemu.asr;

import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recognition locales: a BCP-47 tag with a region ({@code en-US}), from the speech-to-text locales the
 * emulator accepts. "en" (no region) and unknown pairs such as "xx-YY" are refused, as ACS refuses them
 * (400/8523) and the Speech REST API does (400).
 */
public final class Locales {

    /** A broad subset of the Azure speech-to-text locales. */
    public static final Set<String> SUPPORTED = Set.of(
            "ar-AE", "ar-EG", "ar-SA", "bg-BG", "ca-ES", "cs-CZ", "cy-GB", "da-DK", "de-AT", "de-CH", "de-DE",
            "el-GR", "en-AU", "en-CA", "en-GB", "en-HK", "en-IE", "en-IN", "en-NZ", "en-PH", "en-SG", "en-US",
            "en-ZA", "es-AR", "es-CO", "es-ES", "es-MX", "es-US", "et-EE", "fi-FI", "fil-PH", "fr-BE", "fr-CA",
            "fr-CH", "fr-FR", "ga-IE", "he-IL", "hi-IN", "hr-HR", "hu-HU", "id-ID", "is-IS", "it-IT", "ja-JP",
            "ko-KR", "lt-LT", "lv-LV", "ms-MY", "nb-NO", "nl-BE", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "ro-RO",
            "ru-RU", "sk-SK", "sl-SI", "sv-SE", "ta-IN", "te-IN", "th-TH", "tr-TR", "uk-UA", "vi-VN", "zh-CN",
            "zh-HK", "zh-TW");

    private static final TreeMap<String, String> BY_LOWER_CASE = new TreeMap<>();

    static {
        SUPPORTED.forEach(tag -> BY_LOWER_CASE.put(tag.toLowerCase(Locale.ROOT), tag));
    }

    private Locales() {
    }

    public static boolean isSupported(String tag) {
        return tag != null && BY_LOWER_CASE.containsKey(tag.toLowerCase(Locale.ROOT));
    }

    /**
     * The canonical spelling of a supported tag (BCP-47 is case-insensitive: "en-us" → "en-US").
     *
     * @throws IllegalArgumentException naming the tag and why it is refused
     */
    public static String requireSupported(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("a recognition locale is required, for example en-US");
        }
        String canonical = BY_LOWER_CASE.get(tag.toLowerCase(Locale.ROOT));
        if (canonical != null) {
            return canonical;
        }
        if (!tag.contains("-")) {
            throw new IllegalArgumentException("locale '" + tag + "' has no region; use a tag such as en-US");
        }
        throw new IllegalArgumentException("locale '" + tag + "' is not a supported speech recognition locale");
    }
}
