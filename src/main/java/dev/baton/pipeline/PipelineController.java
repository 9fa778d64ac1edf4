package dev.baton.pipeline;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.organisation.Segment;
import dev.baton.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Accounts and opportunities, readable by the vendor's own staff.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Pipeline")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','DEAL_DESK','FINANCE','ADMIN')")
class PipelineController {

	private final Pipeline pipeline;

	PipelineController(Pipeline pipeline) {
		this.pipeline = pipeline;
	}

	@GetMapping("/accounts")
	@Operation(summary = "List accounts")
	List<Account> accounts() {
		return pipeline.accounts();
	}

	@GetMapping("/accounts/{id}")
	@Operation(summary = "Read one account")
	Account account(@PathVariable UUID id) {
		return pipeline.account(id);
	}

	@GetMapping("/opportunities")
	@Operation(summary = "List opportunities by close date, filtered by owner, stage or segment")
	Page<Opportunity> opportunities(@RequestParam(required = false) UUID ownerId,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) Segment segment,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return pipeline.opportunities(ownerId, stage, segment, new Page.Request(page, size));
	}

	@GetMapping("/opportunities/{id}")
	@Operation(summary = "Read one opportunity with its command plan")
	Opportunity opportunity(@PathVariable UUID id) {
		return pipeline.opportunity(id);
	}
}
