package dev.baton.rituals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.TestCallers;
import dev.baton.identity.Role;
import dev.baton.organisation.BusinessCalendar;
import dev.baton.organisation.Circle;
import dev.baton.rituals.RitualRule;

class RitualPoliciesTests {

	private static final BusinessCalendar CALENDAR = BusinessCalendar.standard(ZoneId.of("America/Chicago"))
			.withHoliday(LocalDate.parse("2026-12-24"), "Christmas Eve");

	private static List<UUID> people(int n) {
		var people = new ArrayList<UUID>();
		for (int i = 0; i < n; i++) {
			people.add(UUID.randomUUID());
		}
		return people;
	}

	@Test
	void demoJamPicksTwoAtRandomNeverTheSamePersonTwiceInARow() {
		var members = people(5);
		var random = new Random(7);
		List<UUID> previous = List.of();
		var seen = new HashSet<UUID>();
		for (int jam = 0; jam < 50; jam++) {
			var draw = RitualPolicies.demoJam(members, previous, random);
			assertThat(draw.presenters()).hasSize(2).doesNotHaveDuplicates();
			for (var former : previous) {
				assertThat(draw.presenters()).doesNotContain(former);
			}
			assertThat(members).containsAll(draw.presenters());
			seen.addAll(draw.presenters());
			previous = draw.presenters();
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(members);
	}

	@Test
	void theSameSeedDrawsTheSamePresenters() {
		var members = people(6);
		assertThat(RitualPolicies.demoJam(members, List.of(), new Random(42)).presenters())
				.isEqualTo(RitualPolicies.demoJam(members, List.of(), new Random(42)).presenters());
	}

	@Test
	void aCircleOfThreeRepeatsOnlyOneFormerPresenter() {
		var members = people(3);
		var previous = List.of(members.get(0), members.get(1));
		var draw = RitualPolicies.demoJam(members, previous, new Random(1));
		assertThat(draw.presenters()).hasSize(2).contains(members.get(2));
		assertThat(draw.reason()).contains("too small");
	}

	@Test
	void biweeklyFallsEveryOtherWeekFromTheAnchorAndSkipsHolidays() {
		var days = RitualPolicies.biweekly(LocalDate.parse("2026-01-05"), DayOfWeek.THURSDAY,
				LocalDate.parse("2026-11-23"), LocalDate.parse("2027-01-31"), CALENDAR);
		// 2026-01-08 plus a multiple of 14 days; the 24 December jam moves to the next working day
		assertThat(days).containsExactly(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-12-10"),
				LocalDate.parse("2026-12-25"),
				LocalDate.parse("2027-01-07"), LocalDate.parse("2027-01-21"));
	}

	@Test
	void retroIsInTheFirstWeekOfEachQuarter() {
		var days = RitualPolicies.quarterly(DayOfWeek.WEDNESDAY, LocalDate.parse("2026-11-01"),
				LocalDate.parse("2027-12-31"), CALENDAR);
		assertThat(days).containsExactly(LocalDate.parse("2027-01-06"), LocalDate.parse("2027-04-07"),
				LocalDate.parse("2027-07-07"), LocalDate.parse("2027-10-06"));
		days.forEach(day -> assertThat(day.getDayOfMonth()).isLessThanOrEqualTo(7));
	}

	private static dev.baton.pipeline.Opportunity deal(String amount, String currency) {
		var now = java.time.Instant.parse("2026-11-01T00:00:00Z");
		return new dev.baton.pipeline.Opportunity(UUID.randomUUID(), "X", UUID.randomUUID(), "Deal " + amount + currency,
				UUID.randomUUID(), null, "Sales", "AMER", dev.baton.pipeline.Stage.SCOPING,
				dev.baton.platform.Money.of(amount, currency), LocalDate.parse("2027-03-31"), null, "Pipeline", null, 0,
				now, now);
	}

	@Test
	void peerReviewRanksWithinTheMainCurrencyAndNeverAcrossCurrencies() {
		var usdSmall = deal("50000", "USD");
		var usdLarge = deal("120000", "USD");
		var usdMiddle = deal("80000", "USD");
		// a larger number in yen is not a larger deal: Baton has no exchange rates
		var yen = deal("90000000", "JPY");
		var euro = deal("900000", "EUR");
		assertThat(RitualPolicies.peerReview(List.of(usdSmall, yen, usdLarge, euro, usdMiddle), List.of()))
				.containsExactly(usdLarge.id(), usdMiddle.id());
		// the deal reviewed last time steps aside
		assertThat(RitualPolicies.peerReview(List.of(usdSmall, yen, usdLarge, euro, usdMiddle), List.of(usdLarge.id())))
				.containsExactly(usdMiddle.id(), usdSmall.id());
	}

	@Test
	void otherCurrenciesFillOnlyTheFreePlaces() {
		var usd = deal("10000", "USD");
		var euroSmall = deal("20000", "EUR");
		var euroLarge = deal("30000", "EUR");
		var gbp = deal("5000000", "GBP");
		// two euro deals make euro the main currency; nothing else is compared with them
		assertThat(RitualPolicies.peerReview(List.of(usd, euroSmall, gbp, euroLarge), List.of()))
				.containsExactly(euroLarge.id(), euroSmall.id());
		assertThat(RitualPolicies.peerReview(List.of(usd, euroSmall, gbp, euroLarge), List.of(euroLarge.id())))
				.containsExactly(euroSmall.id(), gbp.id());
	}

	@Test
	void theCirclesManagerOrAnAdminPlansMembersTooIssueTheFeed() {
		var manager = UUID.randomUUID();
		var member = UUID.randomUUID();
		var circle = new Circle(UUID.randomUUID(), "Circle Test", "commercial-amer", manager, null, null, List.of(member),
				List.of(), 0);
		assertThat(RitualPolicies.mayPlan(circle, TestCallers.person(manager, "m", Role.SA_MANAGER)).isAllowed()).isTrue();
		assertThat(RitualPolicies.mayPlan(circle, TestCallers.login("admin", Role.ADMIN)).isAllowed()).isTrue();
		var otherManager = TestCallers.person("o", Role.SA_MANAGER);
		assertThat(RitualPolicies.mayPlan(circle, otherManager).refuses(RitualRule.PLANNER)).isTrue();
		assertThat(RitualPolicies.mayPlan(circle, otherManager).reasons()).contains("Circle Test");
		var sa = TestCallers.person(member, "s", Role.SA);
		assertThat(RitualPolicies.mayPlan(circle, sa).isAllowed()).isFalse();
		assertThat(RitualPolicies.mayIssueFeed(circle, sa).isAllowed()).isTrue();
		assertThat(RitualPolicies.mayIssueFeed(circle, TestCallers.person("x", Role.SA)).refuses(RitualRule.FEED_ISSUER))
				.isTrue();
	}
}
