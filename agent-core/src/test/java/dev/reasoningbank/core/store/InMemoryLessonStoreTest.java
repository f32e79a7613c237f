package dev.reasoningbank.core.store;

import dev.reasoningbank.core.testing.LessonStoreContract;

class InMemoryLessonStoreTest extends LessonStoreContract {

    @Override
    protected LessonStore newStore() {
        return new InMemoryLessonStore();
    }
}
