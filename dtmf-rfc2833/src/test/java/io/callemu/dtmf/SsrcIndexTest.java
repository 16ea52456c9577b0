package io.callemu.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsrcIndexTest {

    @Test
    void agreesWithAHashMapUnderRandomPutsAndRemoves() {
        Random random = new Random(5);
        int max = 16;
        SsrcIndex index = new SsrcIndex(max);
        Map<Integer, Integer> model = new HashMap<>();
        List<Integer> keys = new ArrayList<>();
        // Few distinct keys with colliding low bits, so probe runs form and wrap around the table.
        for (int i = 0; i < 40; i++) {
            keys.add(random.nextBoolean() ? i << 20 : random.nextInt());
        }
        for (int step = 0; step < 200_000; step++) {
            int key = keys.get(random.nextInt(keys.size()));
            if (model.containsKey(key) && random.nextBoolean()) {
                index.remove(key);
                model.remove(key);
            } else if (!model.containsKey(key) && model.size() < max) {
                int slot = random.nextInt(max);
                index.put(key, slot);
                model.put(key, slot);
            }
            int probe = keys.get(random.nextInt(keys.size()));
            assertThat(index.get(probe)).as("step %d", step).isEqualTo(model.getOrDefault(probe, -1));
        }
    }

    @Test
    void removingAnAbsentKeyChangesNothing() {
        SsrcIndex index = new SsrcIndex(4);
        index.put(7, 1);
        index.remove(8);
        assertThat(index.get(7)).isEqualTo(1);
        assertThat(index.get(8)).isEqualTo(-1);
    }
}
