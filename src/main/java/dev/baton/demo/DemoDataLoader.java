package dev.baton.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import dev.baton.identity.Role;
import dev.baton.identity.UserDirectory;
import dev.baton.judgment.JudgmentColor;
import dev.baton.judgment.Judgments;
import dev.baton.judgment.SaJudgment;
import dev.baton.organisation.Board;
import dev.baton.organisation.BusinessCalendar;
import dev.baton.organisation.Circle;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.organisation.Region;
import dev.baton.organisation.Segment;
import dev.baton.organisation.Seniority;
import dev.baton.organisation.SkillLevel;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.CommandPlan;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.SubscriptionType;
import dev.baton.platform.Money;
import dev.baton.postsales.CsmAlignments;

/**
 * Loads the demo organisation once, into an empty database, under a PostgreSQL advisory lock so
 * that several instances starting together load it once.
 */
// first of the demo loaders: the demo catalog links portal logins to the accounts loaded here
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
	private static final long LOCK_KEY = 0x0BA7_0DE0L;

	private final DemoProperties properties;
	private final Environment environment;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final UserDirectory users;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final Clock clock;
	private final Judgments judgments;
	private final CsmAlignments csms;
	private final SampleRequests sampleRequests;

	DemoDataLoader(DemoProperties properties, Environment environment, TransactionTemplate transactions, JdbcClient jdbc,
			UserDirectory users, Organisation organisation, Pipeline pipeline, Clock clock, Judgments judgments,
			CsmAlignments csms, SampleRequests sampleRequests) {
		this.judgments = judgments;
		this.csms = csms;
		this.sampleRequests = sampleRequests;
		this.properties = properties;
		this.environment = environment;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.users = users;
		this.organisation = organisation;
		this.pipeline = pipeline;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled()) {
			log.info("Demo data is off (baton.demo.enabled)");
			return;
		}
		var loaded = Boolean.TRUE.equals(transactions.execute(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query((rs, n) -> 1).list();
			if (!organisation.isEmpty()) {
				log.info("Demo data not loaded: the database holds an organisation already");
				return false;
			}
			load();
			log.info("Demo organisation loaded; log in as admin, ae, sa, sa-manager, asm, csm, deal-desk, finance, "
					+ "partner or customer with the demo password");
			return true;
		}));
		// after the organisation committed, by the instance that loaded it, each request on its own
		if (loaded && properties.sampleRequests()) {
			var refused = sampleRequests.load();
			if (!refused.isEmpty()) {
				log.warn("{} sample requests were not filed: {}", refused.size(), refused);
			}
		}
	}

	boolean enabled() {
		if (properties.enabled() != null) {
			return properties.enabled();
		}
		return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

	private final Map<String, Person> people = new LinkedHashMap<>();
	private UserDirectory.PasswordHash demoPassword;

	private void load() {
		people.clear();
		var today = LocalDate.now(clock);
		for (var region : List.of(new Region("AMER", "Americas"), new Region("EMEA", "Europe, Middle East and Africa"),
				new Region("APAC", "Asia Pacific"))) {
			organisation.addRegion(region);
		}
		var us = new String[][] { { "2026-11-26", "Thanksgiving" }, { "2026-12-25", "Christmas Day" },
				{ "2027-01-01", "New Year's Day" }, { "2027-01-18", "Martin Luther King Jr. Day" },
				{ "2027-05-31", "Memorial Day" }, { "2027-07-05", "Independence Day (observed)" } };
		var uk = new String[][] { { "2026-12-25", "Christmas Day" }, { "2026-12-28", "Boxing Day (substitute)" },
				{ "2027-01-01", "New Year's Day" }, { "2027-03-26", "Good Friday" }, { "2027-03-29", "Easter Monday" } };
		var de = new String[][] { { "2026-12-25", "Erster Weihnachtstag" }, { "2027-01-01", "Neujahr" },
				{ "2027-03-26", "Karfreitag" }, { "2027-03-29", "Ostermontag" }, { "2027-05-01", "Tag der Arbeit" } };
		var au = new String[][] { { "2026-12-25", "Christmas Day" }, { "2026-12-28", "Boxing Day (observed)" },
				{ "2027-01-01", "New Year's Day" }, { "2027-01-26", "Australia Day" } };
		board("us-east-enterprise", "US East Enterprise", "AMER", "Enterprise", "America/New_York", us);
		board("us-west-enterprise", "US West Enterprise", "AMER", "Enterprise", "America/Los_Angeles", us);
		board("emea-enterprise", "EMEA Enterprise", "EMEA", "Enterprise", "Europe/London", uk);
		board("commercial-amer", "Commercial AMER", "AMER", "Commercial", "America/Chicago", us);
		board("commercial-emea", "Commercial EMEA", "EMEA", "Commercial", "Europe/Berlin", de);
		board("apac", "APAC (Enterprise and Commercial)", "APAC", "Enterprise and Commercial", "Australia/Sydney", au);

		person("avery.admin", "admin", "Avery Admin", "Business Systems Administrator", EnumSet.of(Role.ADMIN), null, null, "AMER", "America/Chicago", null, Map.of());
		// AMER commercial
		var morgan = person("morgan.lee", "sa-manager", "Morgan Lee", "Manager, Solutions Architecture (AMER Commercial)", EnumSet.of(Role.SA_MANAGER), null, null, "AMER", "America/Chicago", null, Map.of());
		var marcus = person("marcus.bell", "asm", "Marcus Bell", "Area Sales Manager, AMER Commercial", EnumSet.of(Role.ASM), null, null, "AMER", "America/Chicago", null, Map.of());
		var cascade = new ArrayList<UUID>();
		cascade.add(person("priya.natarajan", null, "Priya Natarajan", "Principal Solutions Architect", EnumSet.of(Role.SA), Seniority.PRINCIPAL, null, "AMER", "America/New_York", morgan, Map.of("kubernetes", SkillLevel.EXPERT, "gitaly", SkillLevel.EXPERT, "aws", SkillLevel.EXPERT, "security", SkillLevel.WORKING)).id());
		cascade.add(person("diego.alvarez", null, "Diego Alvarez", "Staff Solutions Architect", EnumSet.of(Role.SA), Seniority.STAFF, null, "AMER", "America/Chicago", morgan, Map.of("ci-cd", SkillLevel.EXPERT, "migration-jenkins", SkillLevel.EXPERT, "gcp", SkillLevel.WORKING)).id());
		cascade.add(person("sam.rivera", "sa", "Sam Rivera", "Senior Solutions Architect", EnumSet.of(Role.SA), Seniority.SENIOR, null, "AMER", "America/Denver", morgan, Map.of("security", SkillLevel.EXPERT, "compliance", SkillLevel.WORKING, "azure", SkillLevel.WORKING)).id());
		cascade.add(person("hannah.cole", null, "Hannah Cole", "Solutions Architect", EnumSet.of(Role.SA), Seniority.SA, null, "AMER", "America/Los_Angeles", morgan, Map.of("migration-github", SkillLevel.WORKING, "kubernetes", SkillLevel.WORKING)).id());
		cascade.add(person("kenji.watanabe", null, "Kenji Watanabe", "Associate Solutions Architect", EnumSet.of(Role.SA), Seniority.ASSOCIATE, null, "AMER", "America/Chicago", morgan, Map.of("ci-cd", SkillLevel.BASIC, "aws", SkillLevel.WORKING)).id());
		var amerAes = new ArrayList<UUID>();
		var alex = person("alex.morgan", "ae", "Alex Morgan", "Account Executive, Mid-Market First Order", EnumSet.of(Role.AE), null, Segment.MM_FIRST_ORDER, "AMER", "America/New_York", marcus, Map.of());
		amerAes.add(alex.id());
		var jordan = person("jordan.brooks", null, "Jordan Brooks", "Account Executive, Mid-Market Named", EnumSet.of(Role.AE), null, Segment.MM_NAMED, "AMER", "America/Chicago", marcus, Map.of());
		amerAes.add(jordan.id());
		var taylor = person("taylor.reed", null, "Taylor Reed", "Account Executive, Mid-Market Territory", EnumSet.of(Role.AE), null, Segment.MM_TERRITORY, "AMER", "America/Denver", marcus, Map.of());
		amerAes.add(taylor.id());
		var casey = person("casey.nguyen", null, "Casey Nguyen", "Account Executive, SMB First Order", EnumSet.of(Role.AE), null, Segment.SMB_FIRST_ORDER, "AMER", "America/Los_Angeles", marcus, Map.of());
		amerAes.add(casey.id());
		amerAes.add(person("riley.patel", null, "Riley Patel", "Account Executive, SMB Named", EnumSet.of(Role.AE), null, Segment.SMB_NAMED, "AMER", "America/New_York", marcus, Map.of()).id());
		var jamie = person("jamie.fox", null, "Jamie Fox", "Account Executive, SMB First Year Expand", EnumSet.of(Role.AE), null, Segment.SMB_FIRST_YEAR_EXPAND, "AMER", "America/Chicago", marcus, Map.of());
		amerAes.add(jamie.id());
		var drew = person("drew.kim", null, "Drew Kim", "Account Executive, SMB Pooled", EnumSet.of(Role.AE), null, Segment.SMB_POOLED, "AMER", "America/Los_Angeles", marcus, Map.of());
		amerAes.add(drew.id());
		organisation.addCircle(new Circle(UUID.randomUUID(), "Circle Cascade", "commercial-amer", morgan.id(), "#sa-circle-cascade", null, cascade, amerAes, 0));

		// EMEA commercial
		var ingrid = person("ingrid.larsen", null, "Ingrid Larsen", "Manager, Solutions Architecture (EMEA Commercial)", EnumSet.of(Role.SA_MANAGER), null, null, "EMEA", "Europe/Oslo", null, Map.of());
		var elena = person("elena.petrova", null, "Elena Petrova", "Area Sales Manager, EMEA Commercial", EnumSet.of(Role.ASM), null, null, "EMEA", "Europe/Berlin", null, Map.of());
		var thames = new ArrayList<UUID>();
		thames.add(person("amara.okafor", null, "Amara Okafor", "Staff Solutions Architect", EnumSet.of(Role.SA), Seniority.STAFF, null, "EMEA", "Europe/London", ingrid, Map.of("kubernetes", SkillLevel.EXPERT, "geo", SkillLevel.EXPERT, "azure", SkillLevel.WORKING)).id());
		thames.add(person("lukas.becker", null, "Lukas Becker", "Senior Solutions Architect", EnumSet.of(Role.SA), Seniority.SENIOR, null, "EMEA", "Europe/Berlin", ingrid, Map.of("security", SkillLevel.EXPERT, "compliance", SkillLevel.EXPERT)).id());
		thames.add(person("chloe.martin", null, "Chloé Martin", "Solutions Architect", EnumSet.of(Role.SA), Seniority.SA, null, "EMEA", "Europe/Paris", ingrid, Map.of("ci-cd", SkillLevel.WORKING, "migration-github", SkillLevel.EXPERT)).id());
		thames.add(person("tomasz.nowak", null, "Tomasz Nowak", "Associate Solutions Architect", EnumSet.of(Role.SA), Seniority.ASSOCIATE, null, "EMEA", "Europe/Warsaw", ingrid, Map.of("gcp", SkillLevel.WORKING)).id());
		var emeaAes = new ArrayList<UUID>();
		var sophie = person("sophie.dubois", null, "Sophie Dubois", "Account Executive, Mid-Market First Order", EnumSet.of(Role.AE), null, Segment.MM_FIRST_ORDER, "EMEA", "Europe/Paris", elena, Map.of());
		emeaAes.add(sophie.id());
		emeaAes.add(person("emma.rossi", null, "Emma Rossi", "Account Executive, Mid-Market Named", EnumSet.of(Role.AE), null, Segment.MM_NAMED, "EMEA", "Europe/Rome", elena, Map.of()).id());
		var oliver = person("oliver.schmidt", null, "Oliver Schmidt", "Account Executive, SMB Named", EnumSet.of(Role.AE), null, Segment.SMB_NAMED, "EMEA", "Europe/Berlin", elena, Map.of());
		emeaAes.add(oliver.id());
		organisation.addCircle(new Circle(UUID.randomUUID(), "Circle Thames", "commercial-emea", ingrid.id(), "#sa-circle-thames", null, thames, emeaAes, 0));

		var victoria = person("victoria.hayes", null, "Victoria Hayes", "Strategic Account Leader", EnumSet.of(Role.AE), null, Segment.STRATEGIC, "AMER", "America/New_York", marcus, Map.of());
		person("nora.quinn", "csm", "Nora Quinn", "Customer Success Manager", EnumSet.of(Role.CSM), null, null, "AMER", "America/Chicago", null, Map.of());
		person("dana.whitfield", "deal-desk", "Dana Whitfield", "Deal Desk Analyst", EnumSet.of(Role.DEAL_DESK), null, null, "AMER", "America/Chicago", null, Map.of());
		person("frank.osei", "finance", "Frank Osei", "Revenue Accountant", EnumSet.of(Role.FINANCE), null, null, "AMER", "America/New_York", null, Map.of());
		account("partner", "Pat Lindqvist", "pat.lindqvist@northwind-channel.example", EnumSet.of(Role.PARTNER));
		account("customer", "Chris Okonkwo", "chris.okonkwo@acme-logistics.example", EnumSet.of(Role.CUSTOMER));

		// accounts and opportunities
		var acme = pipeline.addAccount("CRM-ACC-1001", "Acme Logistics", "Transportation", "AMER", false);
		var globex = pipeline.addAccount("CRM-ACC-1002", "Globex Retail", "Retail", "AMER", true);
		var initech = pipeline.addAccount("CRM-ACC-1003", "Initech Health", "Healthcare", "AMER", false);
		var umbrella = pipeline.addAccount("CRM-ACC-1004", "Umbrella Pharma", "Life Sciences", "EMEA", false);
		var stark = pipeline.addAccount("CRM-ACC-1005", "Stark Manufacturing", "Manufacturing", "AMER", false);
		var wayne = pipeline.addAccount("CRM-ACC-1006", "Wayne Financial", "Financial Services", "AMER", true);
		var hooli = pipeline.addAccount("CRM-ACC-1007", "Hooli Cloud", "Software", "AMER", false);
		var tyrell = pipeline.addAccount("CRM-ACC-1008", "Tyrell Systems", "Technology", "AMER", false);
		var kraken = pipeline.addAccount("CRM-ACC-1009", "Kraken Energie", "Energy", "EMEA", false);

		var fullPlan = new CommandPlan(
				"Jenkins licence renewal in 90 days and an audit finding on unreviewed deployments",
				List.of("Five disconnected tools and 40 Jenkins plugins to maintain", "No audit trail from commit to production"),
				List.of("Consolidate SCM and CI/CD", "Security scanning in merge requests"),
				new CommandPlan.DevOpsStack("Bitbucket Server", "Jira", "Jenkins", List.of("AWS"), "Terraform and Ansible"),
				List.of("GitHub Enterprise"),
				List.of(new CommandPlan.Attendee("Maria Gonzalez", "VP Engineering"),
						new CommandPlan.Attendee("Tom Becker", "Platform Lead"),
						new CommandPlan.Attendee("Lena Park", "Security Architect")),
				"Jenkins renewal on the first of next quarter",
				new CommandPlan.Meddppicc("Cut release lead time from 2 weeks to 2 days", "Maria Gonzalez (VP Engineering)",
						"Self-managed on AWS, SSO, audit events", "Technical evaluation, then security review, then procurement",
						"Procurement needs 30 days and a security questionnaire", "Audit finding on deployments",
						"Tom Becker", "GitHub Enterprise"));
		var thinPlan = new CommandPlan("Moving off a self-hosted Git server", List.of("Slow pipelines"), List.of("CI/CD"),
				new CommandPlan.DevOpsStack("Gitea", "Trello", "Drone", List.of("Azure"), "Kubernetes"),
				List.of(), List.of(), null, null);

		opportunity("CRM-OPP-2001", acme.id(), "Acme Logistics: platform consolidation", alex, Segment.MM_FIRST_ORDER, Stage.SCOPING, "85000", "USD", today.plusDays(60), SubscriptionType.SELF_MANAGED, "Best Case", fullPlan);
		opportunity("CRM-OPP-2002", globex.id(), "Globex Retail: Premium to Ultimate", jordan, Segment.MM_NAMED, Stage.TECHNICAL_EVALUATION, "140000", "USD", today.plusDays(45), SubscriptionType.SAAS, "Commit", fullPlan);
		opportunity("CRM-OPP-2003", initech.id(), "Initech Health: first order", casey, Segment.SMB_FIRST_ORDER, Stage.SCOPING, "24000", "USD", today.plusDays(35), SubscriptionType.SAAS, "Pipeline", thinPlan);
		opportunity("CRM-OPP-2004", umbrella.id(), "Umbrella Pharma: regulated self-managed", sophie, Segment.MM_FIRST_ORDER, Stage.TECHNICAL_EVALUATION, "62000", "EUR", today.plusDays(40), SubscriptionType.SELF_MANAGED, "Best Case", fullPlan);
		opportunity("CRM-OPP-2005", stark.id(), "Stark Manufacturing: add 150 seats", jamie, Segment.SMB_FIRST_YEAR_EXPAND, Stage.PROPOSAL, "18000", "USD", today.plusDays(20), SubscriptionType.SAAS, "Commit", thinPlan);
		opportunity("CRM-OPP-2006", wayne.id(), "Wayne Financial: enterprise platform", victoria, Segment.STRATEGIC, Stage.DISCOVERY, "450000", "USD", today.plusDays(150), SubscriptionType.DEDICATED, "Pipeline", fullPlan);
		opportunity("CRM-OPP-2007", hooli.id(), "Hooli Cloud: pooled first order", drew, Segment.SMB_POOLED, Stage.SCOPING, "12000", "USD", today.plusDays(30), SubscriptionType.SAAS, "Pipeline", thinPlan);
		opportunity("CRM-OPP-2008", tyrell.id(), "Tyrell Systems: CI/CD migration", taylor, Segment.MM_TERRITORY, Stage.TECHNICAL_EVALUATION, "70000", "USD", today.plusDays(50), SubscriptionType.SELF_MANAGED, "Best Case", fullPlan);
		opportunity("CRM-OPP-2009", kraken.id(), "Kraken Energie: SMB named renewal plus", oliver, Segment.SMB_NAMED, Stage.SCOPING, "21000", "EUR", today.plusDays(25), SubscriptionType.SAAS, "Pipeline", thinPlan);

		// post-sales and SA Judgment: Nora Quinn is the CSM of two accounts; Sam's judgment on Globex disagrees with its Commit
		// forecast; Umbrella Pharma (EMEA, over 50K, stage 3) still lacks its required judgment
		var nora = people.get("nora.quinn").id();
		csms.alignTrusted(AccountId.of(acme.id()), PersonId.of(nora), "demo");
		csms.alignTrusted(AccountId.of(globex.id()), PersonId.of(nora), "demo");
		judgments.recordTrusted(OpportunityId.of(pipeline.opportunityByExternalId("CRM-OPP-2002").orElseThrow().id()),
				PersonId.of(people.get("sam.rivera").id()), JudgmentColor.YELLOW,
				"Security review not scheduled yet; technical buyer engaged", SaJudgment.Checklist.firstMet(4));
	}

	private void board(String key, String name, String region, String model, String zone, String[][] holidays) {
		var calendar = BusinessCalendar.standard(ZoneId.of(zone));
		for (var holiday : holidays) {
			calendar = calendar.withHoliday(LocalDate.parse(holiday[0]), holiday[1]);
		}
		organisation.addBoard(new Board(key, name, region, model, calendar, 0));
	}

	private Person person(String handle, String login, String name, String title, EnumSet<Role> roles,
			Seniority seniority, Segment segment, String region, String zone, Person manager,
			Map<String, SkillLevel> skills) {
		var email = handle + "@baton.example";
		var account = account(login != null ? login : handle, name, email, roles);
		var person = new Person(UUID.randomUUID(), account.id(), name, email, title, roles.iterator().next(), seniority,
				segment, region, ZoneId.of(zone), manager == null ? null : manager.id(), skills, 0);
		organisation.addPerson(person);
		people.put(handle, person);
		return person;
	}

	private dev.baton.identity.UserAccount account(String username, String name, String email, EnumSet<Role> roles) {
		if (demoPassword == null) {
			// every demo login has the same password: hashed once, not once per login (seconds at first start)
			demoPassword = users.hash(properties.password());
		}
		return users.create(new UserDirectory.NewUser(username, name, email, roles, null), demoPassword);
	}

	private void opportunity(String externalId, UUID accountId, String name, Person owner, Segment segment, Stage stage,
			String amount, String currency, LocalDate closeDate, SubscriptionType type, String forecast,
			CommandPlan plan) {
		pipeline.addOpportunity(new Pipeline.OpportunityData(externalId, accountId, name, owner.id(), segment,
				"Sales", owner.regionKey(), stage, Money.of(amount, currency), closeDate, type, forecast, plan));
	}
}
