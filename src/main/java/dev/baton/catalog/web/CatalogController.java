package dev.baton.catalog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.audit.AuditLog;
import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.Deployment;
import dev.baton.catalog.Grandfathering;
import dev.baton.catalog.MeteredPrice;
import dev.baton.catalog.MeteredPrices;
import dev.baton.catalog.Pack;
import dev.baton.catalog.Plan;
import dev.baton.catalog.Price;
import dev.baton.catalog.PriceBookVersion;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.catalog.PriceEntry;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductKind;
import dev.baton.platform.BatonException;
import dev.baton.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The catalog and the price book: read by the vendor's staff, changed by administrators.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog")
@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM','SA_MANAGER')")
class CatalogController {

	private final Catalog catalog;

	CatalogController(Catalog catalog) {
		this.catalog = catalog;
	}

	record NewProduct(String code, String name, ProductKind kind, Deployment deployment, String description) {
	}

	record NewPlan(String code, String name, BillingPeriod billingPeriod, Integer termMonths, ChargeModel chargeModel,
			String unit) {
	}

	record NewVersion(String name, LocalDate effectiveFrom, Grandfathering grandfathering, PriceBookVersionId basedOn) {
	}

	record NewPrice(BigDecimal unitPrice, BigDecimal includedUnits, Integer packageSize, List<PriceEntry.Tier> tiers) {
	}

	record NewMeteredPrice(String unit, ChargeModel chargeModel, BigDecimal unitPrice, Integer packageSize,
			List<PriceEntry.Tier> tiers, BigDecimal includedUnits, MeteredPrice.IncludedPer includedPer) {
	}

	record NewPack(String meterCode) {
	}

	@GetMapping("/catalog/products")
	@Operation(summary = "List the products with their plans")
	List<Product> products() {
		return catalog.products();
	}

	@GetMapping("/catalog/products/{code}")
	@Operation(summary = "Read one product with its plans")
	Product product(@PathVariable String code) {
		return catalog.product(code);
	}

	@PostMapping("/catalog/products")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Add a product")
	ResponseEntity<Product> addProduct(@RequestBody NewProduct request) {
		var product = catalog.addProduct(new Catalog.NewProduct(request.code(), request.name(), request.kind(),
				request.deployment(), request.description()));
		return ResponseEntity.created(URI.create("/api/v1/catalog/products/" + product.code())).body(product);
	}

	@PostMapping("/catalog/products/{code}/plans")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Add a plan to a product")
	ResponseEntity<Plan> addPlan(@PathVariable String code, @RequestBody NewPlan request) {
		if (request.termMonths() == null) {
			throw BatonException.invalid("termMonths", "is required: 1 (monthly), 12 (annual), 24-60 (multi-year) or 0 (once)");
		}
		var plan = catalog.addPlan(code, new Catalog.NewPlan(request.code(), request.name(), request.billingPeriod(),
				request.termMonths(), request.chargeModel(), request.unit()));
		return ResponseEntity.created(URI.create("/api/v1/catalog/products/" + code)).body(plan);
	}

	@GetMapping("/price-books")
	@Operation(summary = "List the price book versions, newest first, without their prices")
	List<PriceBookVersion> versions() {
		return catalog.versions();
	}

	@GetMapping("/price-books/{id}")
	@Operation(summary = "Read a price book version with its prices; the ETag is its version")
	ResponseEntity<PriceBookVersion> version(@PathVariable PriceBookVersionId id) {
		var version = catalog.version(id);
		return ResponseEntity.ok().eTag(Versions.etag(version.version())).body(version);
	}

	@PostMapping("/price-books")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Draft a new price book version, empty or as a copy of basedOn")
	ResponseEntity<PriceBookVersion> draft(@RequestBody NewVersion request) {
		var version = catalog.draft(new Catalog.NewVersion(request.name(), request.effectiveFrom(),
				request.grandfathering(), request.basedOn()));
		return ResponseEntity.created(URI.create("/api/v1/price-books/" + version.id())).eTag(Versions.etag(version.version()))
				.body(version);
	}

	@PutMapping("/price-books/{id}/prices/{planCode}/{currency}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Set a draft's price for a plan in a currency; If-Match is the draft's ETag")
	ResponseEntity<PriceBookVersion> setPrice(@PathVariable PriceBookVersionId id, @PathVariable String planCode,
			@PathVariable String currency, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody NewPrice request) {
		var version = catalog.setPrice(id, planCode, currency, new Catalog.NewPrice(request.unitPrice(),
				request.includedUnits(), request.packageSize(), request.tiers()), Versions.expectedVersion(ifMatch));
		return ResponseEntity.ok().eTag(Versions.etag(version.version())).body(version);
	}

	@DeleteMapping("/price-books/{id}/prices/{planCode}/{currency}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Remove a draft's price for a plan in a currency; If-Match is the draft's ETag")
	ResponseEntity<PriceBookVersion> removePrice(@PathVariable PriceBookVersionId id, @PathVariable String planCode,
			@PathVariable String currency, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		var version = catalog.removePrice(id, planCode, currency, Versions.expectedVersion(ifMatch));
		return ResponseEntity.ok().eTag(Versions.etag(version.version())).body(version);
	}

	@PostMapping("/price-books/{id}/publication")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Publish a draft: immutable from now on, in effect from its effective date")
	ResponseEntity<PriceBookVersion> publish(@PathVariable PriceBookVersionId id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = AuditLog.REASON_HEADER, required = false) String reason) {
		var version = catalog.publish(id, Versions.expectedVersion(ifMatch), reason);
		return ResponseEntity.ok().eTag(Versions.etag(version.version())).body(version);
	}

	@GetMapping("/prices")
	@Operation(summary = "The list price of a plan in a currency on a day (today by default); with soldOn, the price an existing subscription sold on that version pays")
	Price price(@RequestParam String plan, @RequestParam String currency,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) PriceBookVersionId soldOn) {
		return catalog.price(plan, currency, on == null ? catalog.today() : on, soldOn);
	}

	@GetMapping("/price-books/{id}/metered-prices")
	@Operation(summary = "A price book version's metered prices: per plan, meter and currency, the units included each month and the charge model beyond them")
	List<MeteredPrice> meteredPrices(@PathVariable PriceBookVersionId id) {
		return catalog.meteredPrices(id);
	}

	@PutMapping("/price-books/{id}/metered-prices/{planCode}/{meterCode}/{currency}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Set a draft's metered price for a plan, meter and currency; If-Match is the draft's ETag")
	ResponseEntity<List<MeteredPrice>> setMeteredPrice(@PathVariable PriceBookVersionId id, @PathVariable String planCode,
			@PathVariable String meterCode, @PathVariable String currency,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody NewMeteredPrice request) {
		var version = catalog.setMeteredPrice(id, planCode, meterCode, currency, new Catalog.NewMeteredPrice(request.unit(),
				request.chargeModel(), request.unitPrice(), request.packageSize(), request.tiers(), request.includedUnits(),
				request.includedPer()), Versions.expectedVersion(ifMatch));
		return ResponseEntity.ok().eTag(Versions.etag(version.version())).body(catalog.meteredPrices(id));
	}

	@DeleteMapping("/price-books/{id}/metered-prices/{planCode}/{meterCode}/{currency}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Remove a draft's metered price for a plan, meter and currency; If-Match is the draft's ETag")
	ResponseEntity<List<MeteredPrice>> removeMeteredPrice(@PathVariable PriceBookVersionId id,
			@PathVariable String planCode, @PathVariable String meterCode, @PathVariable String currency,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		var version = catalog.removeMeteredPrice(id, planCode, meterCode, currency, Versions.expectedVersion(ifMatch));
		return ResponseEntity.ok().eTag(Versions.etag(version.version())).body(catalog.meteredPrices(id));
	}

	@GetMapping("/metered-prices")
	@Operation(summary = "The metered prices of a plan in a currency on a day (today by default); with soldOn, those an existing subscription sold on that version pays")
	MeteredPrices meteredPrices(@RequestParam String plan, @RequestParam String currency,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) PriceBookVersionId soldOn) {
		return catalog.meteredPricesOn(plan, currency, on == null ? catalog.today() : on, soldOn);
	}

	@GetMapping("/catalog/packs")
	@Operation(summary = "The pack plans and the meter each prepays")
	List<Pack> packs() {
		return catalog.packs();
	}

	@PutMapping("/catalog/plans/{code}/pack")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Make a consumable plan sold once a pack of a meter's units (set once)")
	Pack definePack(@PathVariable String code, @RequestBody NewPack request) {
		return catalog.definePack(code, request.meterCode());
	}
}
