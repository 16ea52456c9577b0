package io.callemu.asr.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The four text forms against the Speech documents' examples (reference graph-and-speech.md B4, the
 * seed 003_ab578170f7a9ab78.txt and the "display text format" page), script text written any way, and
 * round trips: whatever a script writes, ITN of its lexical form gives the canonical written form back.
 */
class TextFormsTest {

    private static final ProfanityFilter RAW = new ProfanityFilter(java.util.Set.of(), ProfanityMode.RAW);

    private static String itn(String lexical) {
        return String.join(" ", InverseTextNormalizer.apply(List.of(lexical.split(" "))));
    }

    private static TextForms forms(String script) {
        return TextForms.of(Lexical.of(script), RAW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // documented examples (display text format page, basic concepts)
        "Remind me to buy 5 pencils. | remind me to buy five pencils | remind me to buy 5 pencils | Remind me to buy 5 pencils.",
        "That will cost $900. | that will cost nine hundred dollars | that will cost $900 | That will cost $900.",
        "My phone number is 1-800-456-8910. | my phone number is one eight zero zero four five six eight nine one zero"
            + " | my phone number is 1-800-456-8910 | My phone number is 1-800-456-8910.",
        "The time is 6:45 PM. | the time is six forty five p m | the time is 6:45 PM | The time is 6:45 PM.",
        "The answer is 6.5. | the answer is six point five | the answer is 6.5 | The answer is 6.5.",
        "Send it to support@help.com. | send it to support at help dot com | send it to support@help.com"
            + " | Send it to support@help.com.",
        "Hello everyone | hello everyone | hello everyone | Hello everyone.",
        // the case the issue names: what a caller says for "$20.50 on 3/4"
        "I want to pay $20.50 on 3/4 | i want to pay twenty dollars and fifty cents on march fourth"
            + " | i want to pay $20.50 on march 4 | I want to pay $20.50 on March 4.",
        // cardinals, negatives, decimals, scales
        "1234 | one thousand two hundred thirty four | 1234 | 1234.",
        "We have 12,500 units | we have twelve thousand five hundred units | we have 12500 units | We have 12500 units.",
        "It is 2,500,000,000 years old | it is two billion five hundred million years old | it is 2,500,000,000 years old"
            + " | It is 2,500,000,000 years old.",
        "We sold 3 billion | we sold three billion | we sold 3 billion | We sold 3 billion.",
        "about 2.5 million | about two point five million | about 2.5 million | About 2.5 million.",
        "It fell to -5 degrees | it fell to minus five degrees | it fell to -5 degrees | It fell to -5 degrees.",
        "zero | zero | 0 | 0.",
        // percentages
        "Up 50% today | up fifty percent today | up 50% today | Up 50% today.",
        "a rise of 3.5% | a rise of three point five percent | a rise of 3.5% | A rise of 3.5%.",
        "down -2% | down minus two percent | down -2% | Down -2%.",
        // currencies
        "$1 | one dollar | $1 | $1.",
        "$0.50 | fifty cents | $0.50 | $0.50.",
        "$1.01 | one dollar and one cent | $1.01 | $1.01.",
        "€20.50 | twenty euros and fifty cents | €20.50 | €20.50.",
        "£3.20 | three pounds and twenty pence | £3.20 | £3.20.",
        "$2.5 million | two point five million dollars | $2.5 million | $2.5 million.",
        "-$5 | minus five dollars | -$5 | -$5.",
        "$1,200 | one thousand two hundred dollars | $1200 | $1200.",
        // phone numbers
        "Call 555-1212! | call five five five one two one two | call 555-1212 | Call 555-1212.",
        "(425) 555-1212 | four two five five five five one two one two | 425-555-1212 | 425-555-1212.",
        "+1-425-555-1212 | plus one four two five five five five one two one two | +1-425-555-1212 | +1-425-555-1212.",
        "425.555.1212 | four two five five five five one two one two | 425-555-1212 | 425-555-1212.",
        "PIN 0042 | pin zero zero four two | pin 0042 | PIN 0042.",
        // times
        "at 3:30 PM | at three thirty p m | at 3:30 PM | At 3:30 PM.",
        "at 3:05pm | at three oh five p m | at 3:05 PM | At 3:05 PM.",
        "by 7 a.m. | by seven a m | by 7 AM | By 7 AM.",
        "at 6:45 | at six forty five | at 6:45 | At 6:45.",
        "at 3:00 | at three o'clock | at 3:00 | At 3:00.",
        "until 15:30 | until fifteen thirty | until 15:30 | Until 15:30.",
        // dates
        "March 4 | march fourth | march 4 | March 4.",
        "on March 4th, 2024 | on march fourth twenty twenty four | on march 4 2024 | On March 4, 2024.",
        "3/4/2024 | march fourth twenty twenty four | march 4 2024 | March 4, 2024.",
        "12/31/99 | december thirty first nineteen ninety nine | december 31 1999 | December 31, 1999.",
        "2024-12-25 | december twenty fifth twenty twenty four | december 25 2024 | December 25, 2024.",
        "Sept. 1 2005 | september first two thousand five | september 1 2005 | September 1, 2005.",
        "4 July 1905 | the fourth of july nineteen oh five | the 4th of july 1905 | The 4th of July, 1905.",
        "on Friday | on friday | on friday | On Friday.",
        // ordinals
        "the 1st one | the first one | the 1st one | The 1st one.",
        "my 22nd birthday | my twenty second birthday | my 22nd birthday | My 22nd birthday.",
        "the 100th time | the one hundredth time | the 100th time | The 100th time.",
        "the 3rd option | the third option | the 3rd option | The 3rd option.",
        // e-mail and web addresses
        "john@contoso.com | john at contoso dot com | john@contoso.com | john@contoso.com.",
        "mail john.smith@contoso.co.uk | mail john dot smith at contoso dot co dot uk | mail john.smith@contoso.co.uk"
            + " | Mail john.smith@contoso.co.uk.",
        "write to first_last@contoso.org | write to first underscore last at contoso dot org"
            + " | write to first_last@contoso.org | Write to first_last@contoso.org.",
        "go to contoso.com | go to contoso dot com | go to contoso.com | Go to contoso.com.",
        "visit www.contoso.com/pay | visit www dot contoso dot com slash pay | visit www.contoso.com/pay"
            + " | Visit www.contoso.com/pay.",
        "https://contoso.com | h t t p s colon slash slash contoso dot com | https://contoso.com | https://contoso.com.",
        // words
        "What's   up,   \"Bob\"? | what's up bob | what's up bob | What's up Bob?",
        "an XL t-shirt | an xl t shirt | an xl t shirt | An XL t shirt.",
        "24/7 support | twenty four seven support | 24 7 support | 24 7 support.",
        "R&D | r and d | r and d | R and d."})
    void scriptTextGivesAllFourForms(String script, String lexical, String itn, String display) {
        TextForms forms = forms(script);
        assertThat(forms.lexical()).isEqualTo(lexical);
        assertThat(forms.itn()).isEqualTo(itn);
        assertThat(forms.maskedItn()).isEqualTo(itn);
        assertThat(forms.display()).isEqualTo(display);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        // spoken forms a script may write in words, or that the documents show
        "my phone number is one eight hundred four five six eight nine ten | my phone number is 1-800-456-8910",
        "five five five one two one two | 555-1212",
        "four two five five five five one two one two | 425-555-1212",
        "one four two five five five five one two one two | 1-425-555-1212",
        "call five five five double one two three | call 555-1123",
        "one two three four one two three four | 12341234",
        "five five five one two one two twenty times | 555-1212 20 times",
        "my pin is one two three four | my pin is 1234",
        "room three oh five | room 305",
        "oh no | oh no",
        "twenty five | 25",
        "three hundred forty two | 342",
        "two hundred and one | 201",
        "one thousand and five | 1005",
        "two thousand twenty four | 2024",
        "nineteen hundred | 1900",
        "nine hundred ninety nine thousand nine hundred ninety nine | 999999",
        "one million two hundred thousand | 1,200,000",
        "two million | 2 million",
        "twelve thousand | 12000",
        "one two hundred | 1 200",
        "twenty twenty | 20 20",
        "negative five | -5",
        "five minus three | 5 minus 3",
        "minus | minus",
        "twenty dollars fifty | $20.50",
        "twenty dollars and fifty cents | $20.50",
        "twenty point five zero dollars | $20.50",
        "nine hundred dollars | $900",
        "two million dollars | $2 million",
        "ninety nine cents | $0.99",
        "three pounds twenty p | £3.20",
        "fifty pence | £0.50",
        "five euros | €5",
        "twenty dollars two times | $20 2 times",
        "three thirty p m | 3:30 PM",
        "seven a m | 7 AM",
        "at noon | at noon",
        "six forty five | 6 45",
        "the time is six forty five p m | the time is 6:45 PM",
        "meet at three thirty | meet at 3:30",
        "may fourth | may 4",
        "you may one day | you may 1 day",
        "march on | march on",
        "june five | june 5",
        "the twenty first of june twenty twenty | the 21st of june 2020",
        "the fourth of july | the 4th of july",
        "twenty first | 21st",
        "the second option | the 2nd option",
        "just a second | just a second",
        "wait one second | wait 1 second",
        "at first | at first",
        "first of all | first of all",
        "the first of all | the first of all",
        "fourth place | 4th place",
        "look at contoso dot com | look at contoso.com",
        "meet me at home | meet me at home",
        "w w w dot contoso dot com | www.contoso.com",
        "support at help dot com | support@help.com",
        "john dash doe at contoso dot net | john-doe@contoso.net",
        "connect the dots | connect the dots",
        "dot com | dot com",
        "the answer is six point five | the answer is 6.5",
        "point of view | point of view",
        "and then | and then",
        "zero point five | 0.5",
        "fifty percent | 50%"})
    void inverseTextNormalisation(String lexical, String expected) {
        assertThat(itn(lexical)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "how are you | How are you?",
        "i uh said that we can go to the uhmm movies | I said that we can go to the movies.",
        "umm i think tomorrow should work | I think tomorrow should work.",
        "its its not that big of uhm a deal | Its not that big of a deal.",
        "remind me to buy six iphones | Remind me to buy 6 iphones.",
        "remind me to buy six iPhones | Remind me to buy 6 iPhones.",
        "i'm sure | I'm sure.",
        "can you hear me | Can you hear me?",
        "see you on monday the fourth of may | See you on Monday the 4th of May.",
        "march fourth | March 4.",
        "we march on | We march on.",
        "uh | ''"})
    void displayForm(String lexical, String display) {
        assertThat(forms(lexical).display()).isEqualTo(display);
    }

    @Test
    void displayKeepsTheScriptsNamesAndAcronyms() {
        TextForms forms = forms("my name is Jennifer Smith and I want an XL shirt");
        assertThat(forms.lexical()).isEqualTo("my name is jennifer smith and i want an xl shirt");
        assertThat(forms.display()).isEqualTo("My name is Jennifer Smith and I want an XL shirt.");
    }

    @Test
    void scriptTextWrittenInWordsOrDigitsGivesTheSameForms() {
        assertThat(forms("Pay twenty dollars and fifty cents on March fourth")).isEqualTo(forms("Pay $20.50 on 3/4"));
        assertThat(forms("my pin is one two three four").itn()).isEqualTo("my pin is 1234");
        assertThat(forms("five").display()).isEqualTo(forms("5").display()).isEqualTo("5.");
    }

    @Test
    void lexicalOfBlankTextIsEmpty() {
        assertThat(Lexical.of("   ").isEmpty()).isTrue();
        assertThat(Lexical.of("...").isEmpty()).isTrue();
        assertThat(Lexical.of("").text()).isEmpty();
    }

    @Test
    void lexicalHasOnlyLowerCaseWordsAndApostrophes() {
        for (String script : List.of("Pay $20.50 on 3/4 to 555-1212, Jennifer!", "john.smith@contoso.co.uk at 3:30 PM",
                "Up 3.5% on 2024-12-25 (the 25th)", "https://www.contoso.com/pay?x=1", "R&D + 7 = £3.20 & €5")) {
            assertThat(Lexical.of(script).text()).as(script).matches("[a-z' ]*");
        }
    }

    @Test
    void anyTextGivesFormsWithoutFailing() {
        String[] pieces = {"$", "€", "£", "-", "+", "(", ")", "%", ":", "/", ".", ",", "@", "&", "'", "0", "1", "12", "31",
            "2024", "999999999999999999", "1st", "22nd", "PM", "a.m.", "March", "may", "Sept", "com", "www", "dot", "at",
            "oh", "one", "hundred", "point", "minus", "damn", "I", "é", "\u00a0", "😀", " "};
        SplittableRandom random = new SplittableRandom(13);
        ProfanityFilter masked = new ProfanityFilter(ProfanityFilter.DEFAULT_LEXICON, ProfanityMode.MASKED);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int p = 0; p < length; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            Lexical lexical = Lexical.of(text.toString());
            assertThat(lexical.text()).as(text.toString()).matches("[\\p{Ll}\\p{Lo}' ]*");
            TextForms f = TextForms.of(lexical, masked);
            assertThat(f.lexical()).isEqualTo(lexical.text());
            assertThat(f.isBlank()).isEqualTo(f.maskedItn().isEmpty() || f.display().isEmpty());
        }
    }

    @Test
    void cardinalsRoundTripFromDigitsThroughWordsToDigits() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            long value = random.nextLong(-NumberWords.MAX, NumberWords.MAX + 1) / pow10(random.nextInt(15));
            String written = String.format(Locale.ROOT, "%,d", value);
            List<String> words = new ArrayList<>();
            NumberWords.spell(value, words);
            assertThat(Lexical.of(written).words()).as(written).isEqualTo(words);
            assertThat(valueOf(itn(String.join(" ", words)))).as(written).isEqualTo(value);
        }
    }

    @Test
    void ordinalsRoundTrip() {
        for (long n : new long[] {1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1_000, 1_000_001, 999_999_999_999L}) {
            String written = n + NumberWords.ordinalSuffix(n);
            assertThat(forms("the " + written).itn()).isEqualTo("the " + written);
        }
        assertThat(NumberWords.ordinalSuffix(11)).isEqualTo("th");
        assertThat(NumberWords.ordinalSuffix(102)).isEqualTo("nd");
    }

    @Test
    void moneyRoundTrips() {
        SplittableRandom random = new SplittableRandom(11);
        for (String symbol : List.of("$", "€", "£")) {
            for (int n = 0; n < 500; n++) {
                long whole = random.nextLong(0, 1_000_000);
                int cents = random.nextInt(100);
                String written = symbol + whole + (cents > 0 ? "." + (cents < 10 ? "0" : "") + cents : "");
                String expected = whole == 0 && cents > 0 && symbol.equals("€") ? "$0." + written.substring(3) : written;
                assertThat(forms(written).itn()).as(written).isEqualTo(expected);
            }
        }
    }

    @Test
    void clockTimesRoundTrip() {
        for (int hour = 1; hour <= 12; hour++) {
            for (int minute = 0; minute < 60; minute++) {
                for (String meridiem : List.of("AM", "PM")) {
                    String written = hour + ":" + (minute < 10 ? "0" : "") + minute + " " + meridiem;
                    String expected = minute == 0 ? hour + " " + meridiem : written;
                    assertThat(forms("at " + written).itn()).isEqualTo("at " + expected);
                }
            }
        }
    }

    @Test
    void datesRoundTrip() {
        int[] days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        for (int month = 1; month <= 12; month++) {
            for (int day = 1; day <= days[month - 1]; day++) {
                for (int year : new int[] {1905, 1999, 2000, 2007, 2010, 2024}) {
                    String name = Dates.MONTHS[month - 1];
                    assertThat(forms(month + "/" + day + "/" + year).itn()).isEqualTo(name + " " + day + " " + year);
                    assertThat(forms(month + "/" + day + "/" + year).display())
                            .isEqualTo(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + day + ", " + year + ".");
                }
            }
        }
        assertThat(forms("2/30").lexical()).as("not a date").isEqualTo("two thirty");
        assertThat(forms("13/1").lexical()).isEqualTo("thirteen one");
    }

    @Test
    void phoneNumbersRoundTrip() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 500; n++) {
            String area = digits(random, 3);
            String local = digits(random, 3) + "-" + digits(random, 4);
            assertThat(forms(area + "-" + local).itn()).isEqualTo(area + "-" + local);
            assertThat(forms("1-" + area + "-" + local).itn()).isEqualTo("1-" + area + "-" + local);
            assertThat(forms(local).itn()).isEqualTo(local);
        }
    }

    @Test
    void addressesRoundTrip() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 300; n++) {
            String user = letters(random) + (random.nextBoolean() ? "." + letters(random) : "");
            String domain = letters(random) + "." + List.of("com", "org", "net", "io", "co.uk").get(random.nextInt(5));
            assertThat(forms("write to " + user + "@" + domain).itn()).isEqualTo("write to " + user + "@" + domain);
            assertThat(forms("open www." + domain).itn()).isEqualTo("open www." + domain);
        }
    }

    @Test
    void everyFormAgreesWithTheOthersInEveryProfanityMode() {
        List<String> scripts = List.of("Pay $20.50 on 3/4 you damn machine", "damn", "call 555-1212 damn it at 3:30 PM",
                "send it to support@help.com", "the 1st of March was hell", "uh I said hell no");
        for (ProfanityMode mode : ProfanityMode.values()) {
            ProfanityFilter filter = new ProfanityFilter(ProfanityFilter.DEFAULT_LEXICON, mode);
            for (String script : scripts) {
                Lexical lexical = Lexical.of(script);
                TextForms f = TextForms.of(lexical, filter);
                assertThat(f.lexical()).isEqualTo(lexical.text());
                assertThat(f.itn()).isEqualTo(String.join(" ", InverseTextNormalizer.apply(lexical.words())));
                List<String> itnTokens = List.of(f.itn().split(" "));
                List<String> maskedTokens = f.maskedItn().isEmpty() ? List.of() : List.of(f.maskedItn().split(" "));
                switch (mode) {
                    case RAW -> assertThat(f.maskedItn()).isEqualTo(f.itn());
                    case MASKED -> {
                        assertThat(maskedTokens).hasSameSizeAs(itnTokens);
                        for (int i = 0; i < itnTokens.size(); i++) {
                            String expected = filter.isProfane(itnTokens.get(i)) ? "*".repeat(itnTokens.get(i).length())
                                    : itnTokens.get(i);
                            assertThat(maskedTokens.get(i)).isEqualTo(expected);
                        }
                    }
                    case REMOVED -> assertThat(maskedTokens)
                            .isEqualTo(itnTokens.stream().filter(t -> !filter.isProfane(t)).toList());
                }
                // the display form is the masked ITN, formatted: same words once casing, punctuation and disfluencies go
                String displayWords = f.display().toLowerCase(Locale.ROOT).replaceAll("[.?]$", "").replace(",", "");
                String maskedWords = f.maskedItn().toLowerCase(Locale.ROOT).replaceAll("\\buh\\b ?", "").trim();
                assertThat(displayWords).as(script + " " + mode).isEqualTo(maskedWords);
            }
        }
    }

    @Test
    void hypothesesAreTheMaskedItnWithheldWhenMaskedProfanityIsInThem() {
        ProfanityFilter masked = new ProfanityFilter(java.util.Set.of("darn"), ProfanityMode.MASKED);
        ProfanityFilter removed = new ProfanityFilter(java.util.Set.of("darn"), ProfanityMode.REMOVED);
        List<String> words = Lexical.of("pay $5 darn it").words();
        assertThat(TextForms.hypothesisText(words.subList(0, 3), masked)).isEqualTo("pay $5");
        assertThat(TextForms.hypothesisText(words, masked)).isNull();
        assertThat(TextForms.hypothesisText(words, removed)).isEqualTo("pay $5 it");
        assertThat(TextForms.hypothesisText(List.of("darn"), removed)).isNull();
    }

    @Test
    void profanityMaskedKeepsLengthInMaskedItnAndDisplayOnly() {
        ProfanityFilter masked = new ProfanityFilter(java.util.Set.of("darn"), ProfanityMode.MASKED);
        TextForms forms = TextForms.of(Lexical.of("buy five darn pencils"), masked);
        assertThat(forms.lexical()).isEqualTo("buy five darn pencils");
        assertThat(forms.itn()).isEqualTo("buy 5 darn pencils");
        assertThat(forms.maskedItn()).isEqualTo("buy 5 **** pencils");
        assertThat(forms.display()).isEqualTo("Buy 5 **** pencils.");
    }

    @Test
    void profanityRemovedDropsTheWordFromMaskedItnAndDisplay() {
        ProfanityFilter removed = new ProfanityFilter(java.util.Set.of("Darn"), ProfanityMode.REMOVED);
        TextForms forms = TextForms.of(Lexical.of("buy five darn pencils"), removed);
        assertThat(forms.itn()).isEqualTo("buy 5 darn pencils");
        assertThat(forms.maskedItn()).isEqualTo("buy 5 pencils");
        assertThat(forms.display()).isEqualTo("Buy 5 pencils.");
        assertThat(TextForms.of(Lexical.of("darn"), removed).isBlank()).isTrue();
    }

    @Test
    void profanityRawLeavesEverything() {
        ProfanityFilter raw = new ProfanityFilter(java.util.Set.of("darn"), ProfanityMode.RAW);
        TextForms forms = TextForms.of(Lexical.of("darn it"), raw);
        assertThat(forms.maskedItn()).isEqualTo("darn it");
        assertThat(forms.display()).isEqualTo("Darn it.");
    }

    @Test
    void profanityModeParsesTheWireValues() {
        assertThat(ProfanityMode.parse("Masked")).isEqualTo(ProfanityMode.MASKED);
        assertThat(ProfanityMode.parse("removed")).isEqualTo(ProfanityMode.REMOVED);
        assertThat(ProfanityMode.RAW.wireValue()).isEqualTo("raw");
        assertThatThrownBy(() -> ProfanityMode.parse("hidden"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("masked, removed or raw");
    }

    @Test
    void spellingRefusesNumbersOutOfRange() {
        assertThatThrownBy(() -> NumberWords.spell(NumberWords.MAX + 1, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberWords.spellOrdinal(0, new ArrayList<>())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Lexical.of("12345678901234567890").text()).as("too long for a number: read digit by digit")
                .isEqualTo("one two three four five six seven eight nine zero one two three four five six seven eight nine zero");
    }

    /** The value of an ITN number as this normaliser writes it ("-1,200,000", "2 million", "2.5 billion"). */
    private static long valueOf(String itn) {
        String[] parts = itn.replace(",", "").split(" ");
        long value = Long.parseLong(parts[0]);
        if (parts.length == 2) {
            value *= NumberWords.scale(parts[1]);
        }
        return value;
    }

    private static long pow10(int e) {
        long p = 1;
        for (int i = 0; i < e; i++) {
            p *= 10;
        }
        return p;
    }

    private static String digits(SplittableRandom random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    private static String letters(SplittableRandom random) {
        StringBuilder sb = new StringBuilder("x"); // never a word with a meaning of its own ("me", "at", "may")
        int n = 2 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
