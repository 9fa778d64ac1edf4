package dev.baton.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemResponses;
import dev.baton.platform.ProblemType;
import dev.baton.platform.RequestIds;

/**
 * Tomcat's last word on an error, in place of its HTML "HTTP Status 400" page: a Problem Detail
 * with a request id. It answers what Tomcat refuses before Baton's filters run (a NUL or an
 * encoded slash in the path, a request line or headers over the limit) and any error response
 * that nothing else gave a body.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		var status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		var ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		var known = request.getAttribute(RequestIds.ATTRIBUTE);
		var requestId = known instanceof String id ? id : UUID.randomUUID().toString();
		MDC.put(RequestIds.MDC_KEY, requestId);
		try {
			if (!(known instanceof String)) {
				// never reached the application, so nothing else logged it; the path and headers
				// stay out of the log, they are what was wrong and may be huge or hold secrets
				log.info("Refused a request before it reached the application: {}", status);
			}
			var problem = ProblemResponses.problem(ProblemType.forStatus(status), null, null);
			problem.setStatus(status);
			response.setHeader(RequestIds.HEADER, requestId);
			ProblemResponses.write(response, problem);
		} catch (IOException | IllegalStateException e) {
			// the client has gone or the response cannot take a body any more: nothing left to tell
		} finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}
}
