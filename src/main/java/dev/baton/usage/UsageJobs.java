package dev.baton.usage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The usage jobs, each run by one instance at a time (db-scheduler): the period close, which also
 * holds each meter's watermark row while it closes it, and the notices, whose unique key sends each
 * notice once whoever finds it.
 */
@Configuration(proxyBeanMethods = false)
class UsageJobs {

	@Bean
	RecurringTask<Void> usagePeriodCloseTask(UsagePeriods periods, UsageProperties properties) {
		return Tasks.recurring("usage-period-close", FixedDelay.of(properties.closeInterval()))
				.execute((instance, context) -> periods.closeDue());
	}

	@Bean
	RecurringTask<Void> usageNoticesTask(Entitlements entitlements, UsageProperties properties) {
		return Tasks.recurring("usage-notices", FixedDelay.of(properties.noticeInterval()))
				.execute((instance, context) -> entitlements.noticeSweep(properties.noticeInterval().plusHours(1)));
	}
}
