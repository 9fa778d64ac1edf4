package dev.baton.platform.scheduling;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * Runs every module's {@link Task} beans on db-scheduler, which keeps its schedule in PostgreSQL:
 * with several instances each execution is picked by exactly one, and nothing is lost across
 * restarts. Starts once the application is ready, so tasks never see a half-started context.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

	@Bean(destroyMethod = "stop")
	Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> taskBeans, SchedulingProperties properties) {
		List<Task<?>> tasks = taskBeans.orderedStream().toList();
		var recurring = tasks.stream().filter(RecurringTask.class::isInstance).map(t -> (RecurringTask<?>) t).toList();
		var oneTime = tasks.stream().filter(t -> !(t instanceof RecurringTask)).toList();
		return Scheduler.create(dataSource, oneTime)
				.startTasks(recurring)
				.threads(properties.threads())
				.pollingInterval(properties.pollingInterval())
				.heartbeatInterval(properties.heartbeatInterval())
				.enableImmediateExecution()
				.build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start(ApplicationReadyEvent event) {
		var properties = event.getApplicationContext().getBean(SchedulingProperties.class);
		if (!properties.enabled()) {
			log.info("Scheduled work is off in this instance (baton.scheduler.enabled=false)");
			return;
		}
		event.getApplicationContext().getBean(Scheduler.class).start();
	}
}
