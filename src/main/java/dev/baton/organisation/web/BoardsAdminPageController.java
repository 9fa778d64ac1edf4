package dev.baton.organisation.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.organisation.Regions;
import dev.baton.organisation.Board;
import dev.baton.organisation.Boards;
import dev.baton.platform.BatonException;
import dev.baton.platform.Words;

/**
 * The administrators' pages for boards and their business calendars: list and create boards,
 * rename them, set the time zone and working hours, add and remove holidays.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class BoardsAdminPageController {

	private final Regions regions;
	private final Boards boards;
	private final Words words;

	BoardsAdminPageController(Regions regions, Boards boards, Words words) {
		this.words = words;
		this.regions = regions;
		this.boards = boards;
	}

	/** One weekday's row of the working-hours form. */
	record HoursRow(String day, String label, String start, String end) {
	}

	@GetMapping("/admin")
	String index() {
		return "admin/index";
	}

	@GetMapping("/admin/boards")
	String boards(Model model) {
		return boards(Map.of(), Map.of(), model);
	}

	@PostMapping("/admin/boards")
	String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		try {
			var zone = PageForms.value(form, "zone");
			var board = boards.createBoard(new Boards.NewBoard(PageForms.value(form, "key"),
					PageForms.value(form, "name"), PageForms.value(form, "regionKey"),
					PageForms.value(form, "engagementModel"), new Boards.CalendarChange(zone, null, Map.of())));
			redirect.addFlashAttribute("notice", words.get("admin.board-created", board.key()));
			return "redirect:/admin/boards/" + board.key();
		}
		catch (BatonException refused) {
			return boards(form, PageForms.errors(refused), model);
		}
	}

	private String boards(Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("boards", boards.boards());
		model.addAttribute("regions", PageForms.regionOptions(regions));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/boards";
	}

	@GetMapping("/admin/boards/{key}")
	String board(@PathVariable String key, Model model) {
		return board(boards.board(key), Map.of(), Map.of(), model);
	}

	@PostMapping("/admin/boards/{key}")
	String update(@PathVariable String key, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		var board = boards.board(key);
		try {
			boards.updateBoard(key, new Boards.BoardChange(PageForms.value(form, "name"),
					PageForms.value(form, "engagementModel")), PageForms.version(form));
			redirect.addFlashAttribute("notice", words.get("admin.board-saved"));
			return "redirect:/admin/boards/" + key;
		}
		catch (BatonException refused) {
			return board(board, form, PageForms.errors(refused), model);
		}
	}

	@PostMapping("/admin/boards/{key}/calendar")
	String calendar(@PathVariable String key, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		var board = boards.board(key);
		try {
			var hours = new EnumMap<DayOfWeek, Boards.CalendarChange.Hours>(DayOfWeek.class);
			var unreadable = new ArrayList<dev.baton.platform.FieldError>();
			for (var day : DayOfWeek.values()) {
				try {
					var start = PageForms.time(form, "hours." + day + ".start");
					var end = PageForms.time(form, "hours." + day + ".end");
					if (start != null || end != null) {
						hours.put(day, new Boards.CalendarChange.Hours(start, end));
					}
				}
				catch (BatonException refused) {
					unreadable.addAll(refused.fieldErrors());
				}
			}
			if (!unreadable.isEmpty()) {
				throw new BatonException(dev.baton.platform.ProblemType.VALIDATION_FAILED, "Some times cannot be read",
						unreadable, Map.of());
			}
			// the form edits zone and hours; the holidays stay as they are
			boards.changeCalendar(key, new Boards.CalendarChange(PageForms.value(form, "zone"), hours,
					board.calendar().holidays()), PageForms.version(form));
			redirect.addFlashAttribute("notice", words.get("admin.calendar-saved"));
			return "redirect:/admin/boards/" + key;
		}
		catch (BatonException refused) {
			return board(board, form, PageForms.errors(refused), model);
		}
	}

	@PostMapping("/admin/boards/{key}/holidays")
	String addHoliday(@PathVariable String key, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		var board = boards.board(key);
		try {
			LocalDate day = PageForms.date(form, "day");
			boards.putHoliday(key, day, form.getOrDefault("holidayName", ""), PageForms.version(form));
			redirect.addFlashAttribute("notice", words.get("admin.holiday-saved", String.valueOf(day)));
			return "redirect:/admin/boards/" + key;
		}
		catch (BatonException refused) {
			var errors = PageForms.errors(refused);
			if (errors.containsKey("name")) {
				errors.put("holidayName", errors.remove("name"));
			}
			return board(board, form, errors, model);
		}
	}

	@PostMapping("/admin/boards/{key}/holidays/{day}/removal")
	String removeHoliday(@PathVariable String key, @PathVariable String day, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		var board = boards.board(key);
		try {
			boards.removeHoliday(key, PageForms.date(Map.of("day", day), "day"), PageForms.version(form));
			redirect.addFlashAttribute("notice", words.get("admin.holiday-removed", String.valueOf(day)));
			return "redirect:/admin/boards/" + key;
		}
		catch (BatonException refused) {
			return board(board, Map.of(), PageForms.errors(refused), model);
		}
	}

	private String board(Board board, Map<String, String> form, Map<String, String> errors, Model model) {
		var values = new LinkedHashMap<String, String>();
		values.put("name", board.name());
		values.put("engagementModel", board.engagementModel());
		values.put("zone", board.calendar().zone().getId());
		var rows = new ArrayList<HoursRow>();
		for (var day : DayOfWeek.values()) {
			var hours = board.calendar().hours().get(day);
			values.put("hours." + day + ".start", hours == null ? "" : hours.start().toString());
			values.put("hours." + day + ".end", hours == null ? "" : hours.end().toString());
		}
		values.putAll(form);
		for (var day : DayOfWeek.values()) {
			var label = day.getDisplayName(java.time.format.TextStyle.FULL, words.locale());
			rows.add(new HoursRow(day.name(), label, values.get("hours." + day + ".start"), values.get("hours." + day + ".end")));
		}
		model.addAttribute("board", board);
		model.addAttribute("form", values);
		model.addAttribute("hours", rows);
		model.addAttribute("holidays", List.copyOf(board.calendar().holidays().entrySet()));
		model.addAttribute("errors", errors);
		return "admin/board";
	}
}
