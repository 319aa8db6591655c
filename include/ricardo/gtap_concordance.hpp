// GTAP goods sectors → the 35 WIOD industries, derived from product data so that the built-in
// baselines split the 2024 US imports by GTAP sector the way the tariff compiler maps products
// to sectors (docs/baseline-format.md, "The GTAP → WIOD concordance").
//
// Every HTS10 line of the Yale crosswalk (HS10 → GTAP) gets the ISIC Rev.3 division the
// compiler's product data give it (ProductData::Division) and, through the industries'
// `isic_rev3` tags, a WIOD industry. A GTAP sector is split over industries in proportion to US
// imports of its lines from Canada and Mexico in 2025 (the product data's import weights); a
// GTAP sector none of whose lines was imported from either is split in proportion to its number
// of lines. Shipped as data/concordance/gtap_to_wiod35.csv.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ricardo {

struct GtapSplit {
  std::string gtap;         // GTAP code, lower case ("ele")
  std::string sector;       // ricardo's WIOD industry code ("electrical")
  double share = 0.0;       // of the GTAP sector's value, fraction; sums to one per GTAP code
  double weight_usd = 0.0;  // US imports from CAN and MEX in 2025 of the lines behind it
  int hts10_lines = 0;      // crosswalk lines mapped to this industry
  bool equal_line_weights = false;  // the GTAP sector had no such imports: lines count equally
};

struct GtapConcordance {
  std::vector<std::string> gtap_codes;  // every GTAP code the crosswalk names, sorted
  std::vector<GtapSplit> splits;        // by GTAP code, then industry order; shares > 0 only
  std::vector<std::string> notes;       // lines that map to no industry, fallbacks used
  std::string weight_months;            // "2025-01..2025-12": the import months weighting lines

  // The shares of one GTAP code, one per WIOD industry (35, kIndustries order). Throws
  // ArgumentError for a code the concordance does not know.
  std::vector<double> SharesOf(const std::string& gtap) const;
};

struct GtapConcordanceSources {
  // yale_hs10_gtap_crosswalk.csv (columns hs10, hs6_code, gtap_code, description).
  std::filesystem::path crosswalk_file;
  // Product data laid out like data/tariffs/; empty: the shipped data (ShippedProductData()).
  std::filesystem::path product_directory;
};

// Throws NotFoundError / DataError (file:line:column) for a missing or malformed crosswalk.
GtapConcordance DeriveGtapConcordance(const GtapConcordanceSources& sources);

// The CSV shipped in data/concordance/: gtap,sector,wiod_code,share,weight_usd,hts10_lines,
// weights (shares written exactly, so reading it back gives the same doubles).
std::string GtapConcordanceCsv(const GtapConcordance& concordance);

// Reads that CSV back (for tests and other tools). Throws DataError with locations.
GtapConcordance ReadGtapConcordanceCsv(const std::filesystem::path& file);

}  // namespace ricardo
