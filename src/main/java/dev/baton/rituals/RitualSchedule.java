package dev.baton.rituals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Plans every circle's rituals ahead once an hour, on one instance at a time (the cluster-wide
 * scheduler); planning itself is idempotent, so a rerun or an overlap adds nothing.
 */
@Configuration(proxyBeanMethods = false)
class RitualSchedule {

	@Bean
	RecurringTask<Void> ritualPlanner(Rituals rituals) {
		return Tasks.recurring("governance-ritual-planner", FixedDelay.ofHours(1))
				.execute((instance, context) -> rituals.planAll());
	}
}
