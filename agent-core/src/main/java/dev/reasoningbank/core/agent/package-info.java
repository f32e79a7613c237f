/** The learning loop: {@link dev.reasoningbank.core.agent.LearningAgent} plans a call with the lessons that fit it, executes it, reflects on a failure and memorizes the lesson, publishing every phase as an {@link dev.reasoningbank.core.agent.AgentEvent}. */
@NullMarked
package dev.reasoningbank.core.agent;

import org.jspecify.annotations.NullMarked;
