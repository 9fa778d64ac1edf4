package dev.baton.pipeline.web;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.pipeline.OpportunityCsvImport;
import dev.baton.platform.BatonException;

/**
 * The administrators' page for importing a CRM report of opportunities (CSV): upload a file or
 * paste its text, then read what was created, updated or left alone, and each refused line with
 * every reason.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OpportunityImportPageController {

	private final OpportunityCsvImport csvImport;

	OpportunityImportPageController(OpportunityCsvImport csvImport) {
		this.csvImport = csvImport;
	}

	/** One refused line, as the page shows it; kept in the session until the page is shown. */
	record RejectedLine(long line, String externalId, List<String> errors) implements Serializable {
	}

	/** What an import did, as the page shows it. */
	record Result(String fileName, String importId, int created, int updated, int unchanged,
			List<RejectedLine> rejected) implements Serializable {
	}

	@GetMapping("/admin/import")
	String page(Model model) {
		return "admin/import";
	}

	@PostMapping("/admin/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "csvText", required = false) String text, Model model, RedirectAttributes redirect) {
		byte[] content;
		String name;
		try {
			if (file != null && !file.isEmpty()) {
				content = file.getBytes();
				name = file.getOriginalFilename();
			}
			else {
				content = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
				name = "pasted text";
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			var report = csvImport.run(content, name);
			var rejected = report.rejected().stream().map(r -> new RejectedLine(r.line(), r.externalId(),
					r.errors().stream().map(e -> e.field() + ": " + e.message()).toList())).toList();
			redirect.addFlashAttribute("result", new Result(name, report.importId().toString(), report.created(),
					report.updated(), report.unchanged(), rejected));
			return "redirect:/admin/import";
		}
		catch (BatonException refused) {
			// the file as a whole cannot be read: nothing was imported
			model.addAttribute("refused", refused.getMessage());
			model.addAttribute("csvText", text);
			return "admin/import";
		}
	}
}
