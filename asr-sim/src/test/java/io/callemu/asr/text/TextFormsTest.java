package io.callemu.asr.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFormsTest {

    private static final ProfanityFilter RAW = new ProfanityFilter(Set.of(), ProfanityMode.RAW);

    private static String itn(String lexical) {
        return String.join(" ", InverseTextNormalizer.apply(List.of(lexical.split(" "))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "six | 6",
        "remind me to buy five pencils | remind me to buy 5 pencils",
        "five five five one two one two | 555-1212",
        "four two five five five five one two one two | 425-555-1212",
        "one four two five five five five one two one two | 1-425-555-1212",
        "my pin is one two three four | my pin is 1234",
        "twenty five | 25",
        "three hundred forty two | 342",
        "two hundred and one | 201",
        "two thousand twenty four | 2024",
        "nine hundred ninety nine thousand nine hundred ninety nine | 999999",
        "twelve thousand | 12000",
        "zero | 0",
        "the answer is six point five | the answer is 6.5",
        "that will cost nine hundred dollars | that will cost $900",
        "fifty percent | 50%",
        "one dollar | $1",
        "welcome to applied mathematics course two hundred one | welcome to applied mathematics course 201",
        "hello everyone | hello everyone",
        "point of view | point of view",
        "and then | and then"})
    void inverseTextNormalisation(String lexical, String expected) {
        assertThat(itn(lexical)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Remind me to buy 5 pencils. | remind me to buy five pencils",
        "Call 555-1212! | call five five five one two one two",
        "It costs $900. | it costs nine hundred dollars",
        "It costs $1 | it costs one dollar",
        "The answer is 6.5 | the answer is six point five",
        "PIN 0042 | pin zero zero four two",
        "Up 50% today | up fifty percent today",
        "What's   up,   \"Bob\"? | what's up bob",
        "an XL t-shirt | an xl t shirt",
        "1234 | one thousand two hundred thirty four"})
    void lexicalFromScriptText(String text, String lexical) {
        assertThat(Lexical.of(text).text()).isEqualTo(lexical);
    }

    @Test
    void lexicalOfBlankTextIsEmpty() {
        assertThat(Lexical.of("   ").isEmpty()).isTrue();
        assertThat(Lexical.of("...").isEmpty()).isTrue();
    }

    @Test
    void numbersRoundTripThroughLexicalAndItn() {
        TextForms forms = TextForms.of(Lexical.of("Call 555-1212 about the 6 pencils for $42"), RAW);
        assertThat(forms.lexical()).isEqualTo(
                "call five five five one two one two about the six pencils for forty two dollars");
        assertThat(forms.itn()).isEqualTo("call 555-1212 about the 6 pencils for $42");
        assertThat(forms.display()).isEqualTo("Call 555-1212 about the 6 pencils for $42.");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "how are you | How are you?",
        "i uh said that we can go to the uhmm movies | I said that we can go to the movies.",
        "umm i think tomorrow should work | I think tomorrow should work.",
        "its its not that big of uhm a deal | Its not that big of a deal.",
        "remind me to buy six iphones | Remind me to buy 6 iphones.",
        "i'm sure | I'm sure.",
        "can you hear me | Can you hear me?",
        "uh | ''"})
    void displayForm(String lexical, String display) {
        assertThat(TextForms.of(Lexical.of(lexical), RAW).display()).isEqualTo(display);
    }

    @Test
    void displayKeepsTheScriptsNamesAndAcronyms() {
        TextForms forms = TextForms.of(Lexical.of("my name is Jennifer Smith and I want an XL shirt"), RAW);
        assertThat(forms.lexical()).isEqualTo("my name is jennifer smith and i want an xl shirt");
        assertThat(forms.display()).isEqualTo("My name is Jennifer Smith and I want an XL shirt.");
    }

    @Test
    void profanityMaskedKeepsLengthInMaskedItnAndDisplayOnly() {
        ProfanityFilter masked = new ProfanityFilter(Set.of("darn"), ProfanityMode.MASKED);
        TextForms forms = TextForms.of(Lexical.of("buy five darn pencils"), masked);
        assertThat(forms.lexical()).isEqualTo("buy five darn pencils");
        assertThat(forms.itn()).isEqualTo("buy 5 darn pencils");
        assertThat(forms.maskedItn()).isEqualTo("buy 5 **** pencils");
        assertThat(forms.display()).isEqualTo("Buy 5 **** pencils.");
    }

    @Test
    void profanityRemovedDropsTheWordFromMaskedItnAndDisplay() {
        ProfanityFilter removed = new ProfanityFilter(Set.of("Darn"), ProfanityMode.REMOVED);
        TextForms forms = TextForms.of(Lexical.of("buy five darn pencils"), removed);
        assertThat(forms.itn()).isEqualTo("buy 5 darn pencils");
        assertThat(forms.maskedItn()).isEqualTo("buy 5 pencils");
        assertThat(forms.display()).isEqualTo("Buy 5 pencils.");
        assertThat(TextForms.of(Lexical.of("darn"), removed).isBlank()).isTrue();
    }

    @Test
    void profanityRawLeavesEverything() {
        ProfanityFilter raw = new ProfanityFilter(Set.of("darn"), ProfanityMode.RAW);
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
        assertThatThrownBy(() -> NumberWords.spell(1_000_000, new java.util.ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
