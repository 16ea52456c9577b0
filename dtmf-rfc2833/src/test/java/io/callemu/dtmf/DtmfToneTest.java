package io.callemu.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DtmfToneTest {

    @ParameterizedTest(name = "{0}: key {1}, code {2}, ACS {3}, Graph {4}")
    @CsvSource({
        "ZERO, 0, 0, zero, tone0",
        "ONE, 1, 1, one, tone1",
        "TWO, 2, 2, two, tone2",
        "THREE, 3, 3, three, tone3",
        "FOUR, 4, 4, four, tone4",
        "FIVE, 5, 5, five, tone5",
        "SIX, 6, 6, six, tone6",
        "SEVEN, 7, 7, seven, tone7",
        "EIGHT, 8, 8, eight, tone8",
        "NINE, 9, 9, nine, tone9",
        "STAR, *, 10, asterisk, star",
        "POUND, #, 11, pound, pound",
        "A, A, 12, a, a",
        "B, B, 13, b, b",
        "C, C, 14, c, c",
        "D, D, 15, d, d",
    })
    void keysMapInEveryDirection(DtmfTone tone, char key, int code, String acs, String graph) {
        assertThat(tone.isKey()).isTrue();
        assertThat(tone.key()).isEqualTo(key);
        assertThat(tone.code()).isEqualTo(code);
        assertThat(tone.acsName()).isEqualTo(acs);
        assertThat(tone.graphName()).isEqualTo(graph);
        assertThat(DtmfTone.fromKey(key)).isSameAs(tone);
        assertThat(DtmfTone.fromCode(code)).isSameAs(tone);
        assertThat(DtmfTone.fromAcsName(acs)).isSameAs(tone);
        assertThat(DtmfTone.fromGraphName(graph)).isSameAs(tone);
    }

    @Test
    void flashIsAnEventButNotAKey() {
        assertThat(DtmfTone.fromCode(16)).isSameAs(DtmfTone.FLASH);
        assertThat(DtmfTone.fromGraphName("flash")).isSameAs(DtmfTone.FLASH);
        assertThat(DtmfTone.FLASH.isKey()).isFalse();
        assertThatThrownBy(DtmfTone.FLASH::key).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(DtmfTone.FLASH::acsName).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DtmfTone.fromAcsName("flash")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 17, 100, 255, 256})
    void codesOutsideDtmfHaveNoTone(int code) {
        assertThat(DtmfTone.fromCode(code)).isNull();
    }

    @Test
    void parsesKeyStringsInOrder() {
        assertThat(DtmfTone.parseKeys("12#*A"))
                .containsExactly(DtmfTone.ONE, DtmfTone.TWO, DtmfTone.POUND, DtmfTone.STAR, DtmfTone.A);
        assertThat(DtmfTone.parseKeys("abcd")).containsExactly(DtmfTone.A, DtmfTone.B, DtmfTone.C, DtmfTone.D);
        assertThat(DtmfTone.parseKeys("")).isEmpty();
        assertThat(DtmfTone.toKeys(DtmfTone.parseKeys("0123456789*#ABCD"))).isEqualTo("0123456789*#ABCD");
    }

    @Test
    void badKeyIsNamedWithItsIndex() {
        assertThatThrownBy(() -> DtmfTone.parseKeys("12x#"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'")
                .hasMessageContaining("index 2");
        assertThatThrownBy(() -> DtmfTone.parseKeys("1 2"))
                .hasMessageContaining("' '").hasMessageContaining("index 1");
        assertThatThrownBy(() -> DtmfTone.fromKey('\n')).hasMessageContaining("U+000A");
        assertThatThrownBy(() -> DtmfTone.fromKey('E')).hasMessageContaining("'E'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pound", "hash", "star", "tone1", ""})
    void unknownAcsNamesAreRejected(String name) {
        assertThatThrownBy(() -> DtmfTone.fromAcsName(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + name + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"asterisk", "one", "tone10", "Tone1", ""})
    void unknownGraphNamesAreRejected(String name) {
        assertThatThrownBy(() -> DtmfTone.fromGraphName(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + name + "\"");
    }

    @ParameterizedTest
    @EnumSource(DtmfTone.class)
    void everyToneRoundTripsThroughItsCodeAndGraphName(DtmfTone tone) {
        assertThat(DtmfTone.fromCode(tone.code())).isSameAs(tone);
        assertThat(DtmfTone.fromGraphName(tone.graphName())).isSameAs(tone);
    }

    @Test
    void toKeysRejectsFlash() {
        assertThatThrownBy(() -> DtmfTone.toKeys(List.of(DtmfTone.ONE, DtmfTone.FLASH)))
                .isInstanceOf(IllegalStateException.class);
    }
}
