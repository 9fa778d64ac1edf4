package dev.baton.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A field of an opportunity as the CRM sends it, named by its JSON path in the upsert API and by
 * its column header in a CSV export, so that a refusal names the field the sender wrote.
 */
public enum OpportunityField {

	EXTERNAL_ID("externalId", "Opportunity ID", true),
	NAME("name", "Opportunity Name", true),
	ACCOUNT_ID("account.externalId", "Account ID", true),
	ACCOUNT_NAME("account.name", "Account Name", false),
	ACCOUNT_INDUSTRY("account.industry", "Account Industry", false),
	ACCOUNT_REGION("account.regionKey", "Account Region", false),
	ACCOUNT_NAMED("account.named", "Named Account", false),
	OWNER_ID("ownerId", "Owner ID", false),
	OWNER_EMAIL("ownerEmail", "Owner Email", false),
	SEGMENT("segment", "Segment", false),
	BUSINESS_UNIT("businessUnit", "Business Unit", false),
	REGION("regionKey", "Region", false),
	STAGE("stage", "Stage", true),
	NET_ARR("netArr.amount", "Net ARR", true),
	CURRENCY("netArr.currency", "Currency", true),
	CLOSE_DATE("closeDate", "Close Date", true),
	SUBSCRIPTION_TYPE("subscriptionType", "Subscription Type", true),
	FORECAST_CATEGORY("forecastCategory", "Forecast Category", false),
	WHY_NOW("commandPlan.whyNow", "Why Now", false),
	PAINS("commandPlan.pains", "Pains", false),
	USE_CASES("commandPlan.useCases", "Use Cases", false),
	SCM("commandPlan.devOpsStack.scm", "SCM", false),
	PLANNING("commandPlan.devOpsStack.planning", "Planning", false),
	CI_CD("commandPlan.devOpsStack.ciCd", "CI/CD", false),
	CLOUD_VENDORS("commandPlan.devOpsStack.cloudVendors", "Cloud Vendors", false),
	DEPLOYMENT("commandPlan.devOpsStack.deployment", "Deployment", false),
	COMPETITORS("commandPlan.competitors", "Competitors", false),
	ATTENDEES("commandPlan.attendees", "Attendees", false),
	COMPELLING_EVENT("commandPlan.compellingEvent", "Compelling Event", false),
	METRICS("commandPlan.meddppicc.metrics", "Metrics", false),
	ECONOMIC_BUYER("commandPlan.meddppicc.economicBuyer", "Economic Buyer", false),
	DECISION_CRITERIA("commandPlan.meddppicc.decisionCriteria", "Decision Criteria", false),
	DECISION_PROCESS("commandPlan.meddppicc.decisionProcess", "Decision Process", false),
	PAPER_PROCESS("commandPlan.meddppicc.paperProcess", "Paper Process", false),
	IDENTIFIED_PAIN("commandPlan.meddppicc.identifiedPain", "Identified Pain", false),
	CHAMPION("commandPlan.meddppicc.champion", "Champion", false),
	COMPETITION("commandPlan.meddppicc.competition", "Competition", false);

	private final String jsonPath;
	private final String header;
	private final boolean requiredColumn;

	OpportunityField(String jsonPath, String header, boolean requiredColumn) {
		this.jsonPath = jsonPath;
		this.header = header;
		this.requiredColumn = requiredColumn;
	}

	/** The field's path in the upsert API's body, such as {@code netArr.amount}. */
	public String jsonPath() {
		return jsonPath;
	}

	/** The field's column header in a CSV export, such as {@code Net ARR}. */
	String header() {
		return header;
	}

	/** Whether a CSV file must have this column (the owner needs Owner Email or Owner ID). */
	boolean requiredColumn() {
		return requiredColumn;
	}

	/** The field a CSV header names, ignoring case and surrounding or repeated spaces. */
	static Optional<OpportunityField> ofHeader(String header) {
		var wanted = normalize(header);
		return Arrays.stream(values()).filter(f -> normalize(f.header).equals(wanted)).findFirst();
	}

	private static String normalize(String header) {
		return header == null ? "" : header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}
}
