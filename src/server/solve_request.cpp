#include "server/solve_request.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

#include "core/suggest.hpp"
#include "fmt/format.h"
#include "server/http_error.hpp"
#include "server/request_body.hpp"

namespace ricardo::server {
namespace {

using Json = nlohmann::json;

Location Field(const std::string& field) {
  return Location{kRequestBody, 0, 0, field};
}
Location QueryField(const std::string& field) {
  return Location{"query", 0, 0, field};
}

[[noreturn]] void Invalid(const Location& where, const std::string& what,
                          const std::string& fix = {}) {
  throw HttpError(400, "invalid request", where, what, fix);
}

std::string TypeName(const Json& value) {
  return value.type_name();
}

const std::string& RequireString(const Json& value, const Location& where) {
  if (!value.is_string()) Invalid(where, fmt::format("expected a string, got {}", TypeName(value)));
  return value.get_ref<const std::string&>();
}

double RequireNumber(const Json& value, const Location& where) {
  if (!value.is_number()) Invalid(where, fmt::format("expected a number, got {}", TypeName(value)));
  return value.get<double>();
}

bool RequireBool(const Json& value, const Location& where) {
  if (!value.is_boolean()) {
    Invalid(where, fmt::format("expected true or false, got {}", TypeName(value)));
  }
  return value.get<bool>();
}

Date ReadDate(const std::string& text, const Location& where) {
  const auto date = Date::Parse(text);
  if (!date)
    Invalid(where, fmt::format("'{}' is not a date", text), "give YYYY-MM-DD, e.g. 2025-11-01");
  return *date;
}

double ReadUsmcaShare(double share, const Location& where) {
  if (!std::isfinite(share) || share < 0.0 || share > kMaxUsmcaShare) {
    Invalid(where, fmt::format("USMCA share {} is out of range", share),
            fmt::format("give a fraction from 0 to {} (0.9 = 90% of trade claims USMCA preference)",
                        kMaxUsmcaShare));
  }
  return share;
}

// What a bad "draws" or "seed" is told to do.
std::string DrawsFix() {
  return fmt::format(
      "ask for 1 to {} draws, the draws_max of GET /api/v1/limits; for more, use `ricardo run "
      "--draws N`",
      kMaxRequestDraws);
}
constexpr std::uint64_t kMaxSeed = std::numeric_limits<std::uint64_t>::max();

// `count` draws, from 1 to kMaxRequestDraws; `text` is how the request wrote it.
int CheckDrawCount(std::int64_t count, const std::string& text, const Location& where) {
  if (count < 1) Invalid(where, fmt::format("{} draws asked for", text), DrawsFix());
  if (count > kMaxRequestDraws) {
    Invalid(where, fmt::format("{} draws is more than the limit of {}", text, kMaxRequestDraws),
            DrawsFix());
  }
  return static_cast<int>(count);
}

// A JSON value for a whole number: its text (how the request wrote it) for numbers, its type
// otherwise.
std::string Written(const Json& value) {
  return value.is_number() ? value.dump() : TypeName(value);
}

int ReadDrawCount(const Json& value, const Location& where) {
  if (value.is_number_unsigned()) {
    const std::uint64_t count = value.get<std::uint64_t>();
    if (count > static_cast<std::uint64_t>(kMaxRequestDraws))
      return CheckDrawCount(std::int64_t{kMaxRequestDraws} + 1, value.dump(), where);
    return CheckDrawCount(static_cast<std::int64_t>(count), value.dump(), where);
  }
  if (value.is_number_integer())
    return CheckDrawCount(value.get<std::int64_t>(), value.dump(), where);
  Invalid(where, fmt::format("expected a whole number of draws, got {}", Written(value)),
          DrawsFix());
}

std::uint64_t ReadSeed(const Json& value, const Location& where) {
  if (!value.is_number_unsigned()) {
    Invalid(where,
            fmt::format("expected a whole number from 0 to {}, got {}", kMaxSeed, Written(value)),
            "give e.g. 1");
  }
  return value.get<std::uint64_t>();
}

// The query parameters "draws" and "seed" of a TOML /draws request.
std::optional<std::uint64_t> WholeNumber(const std::string& text) {
  std::uint64_t n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

int ReadDrawCount(const std::string& text, const Location& where) {
  if (!text.empty() && text.front() == '-' && WholeNumber(text.substr(1)))
    return CheckDrawCount(0, text, where);  // "-3 draws asked for"
  const auto count = WholeNumber(text);
  if (!count) Invalid(where, fmt::format("'{}' is not a whole number of draws", text), DrawsFix());
  return CheckDrawCount(static_cast<std::int64_t>(std::min<std::uint64_t>(
                            *count, static_cast<std::uint64_t>(kMaxRequestDraws) + 1)),
                        text, where);
}

std::uint64_t ReadSeed(const std::string& text, const Location& where) {
  const auto seed = WholeNumber(text);
  if (!seed) {
    Invalid(where, fmt::format("'{}' is not a whole number from 0 to {}", text, kMaxSeed),
            "give e.g. 1");
  }
  return *seed;
}

// Library edit errors (ArgumentError) carry no location; give them the request field.
template <typename Edit>
void EditAt(const Location& where, Edit&& edit) {
  try {
    edit();
  } catch (const ArgumentError& e) {
    throw HttpError(400, ToString(ErrorKind::kArgument), where, e.problem(), e.fix());
  }
}

void ApplyEdits(const Json& document, Scenario& scenario) {
  if (auto it = document.find("tags"); it != document.end()) {
    if (!it->is_object()) Invalid(Field("tags"), "expected an object of tag → true/false");
    std::set<std::string> known;
    for (const Measure& m : scenario.measures) known.insert(m.tags.begin(), m.tags.end());
    for (auto tag = it->begin(); tag != it->end(); ++tag) {
      const Location where = Field("tags." + tag.key());
      const bool enabled = RequireBool(tag.value(), where);
      if (SetTagEnabled(scenario, tag.key(), enabled) == 0) {
        const std::vector<std::string> tags(known.begin(), known.end());
        Invalid(where,
                fmt::format("no measure of scenario '{}' carries tag '{}'{}", scenario.name,
                            tag.key(), detail::DidYouMean(tag.key(), tags)),
                fmt::format("tags in this scenario: {}", JoinNames(tags)));
      }
    }
  }
  if (auto it = document.find("measures"); it != document.end()) {
    if (!it->is_object())
      Invalid(Field("measures"), "expected an object of measure id → true/false");
    for (auto m = it->begin(); m != it->end(); ++m) {
      const Location where = Field("measures." + m.key());
      const bool enabled = RequireBool(m.value(), where);
      EditAt(where, [&] { SetMeasureEnabled(scenario, m.key(), enabled); });
    }
  }
  if (auto it = document.find("rates"); it != document.end()) {
    if (!it->is_object())
      Invalid(Field("rates"), "expected an object of measure id → rate (fraction)");
    for (auto r = it->begin(); r != it->end(); ++r) {
      const Location where = Field("rates." + r.key());
      const double rate = RequireNumber(r.value(), where);
      EditAt(where, [&] { SetMeasureRate(scenario, r.key(), rate); });
    }
  }
}

// Every measure's rate with the request's rate edits applied, without copying the scenario;
// nullopt if an edit is one SetMeasureRate refuses (the caller then applies the edits to a
// copy, which reports the error in SetMeasureRate's words).
std::optional<std::vector<double>> EditedRates(const Json& document, const Scenario& scenario) {
  std::vector<double> rates;
  for (const Measure& m : scenario.measures) rates.push_back(m.rate);
  const auto edits = document.find("rates");
  if (edits == document.end()) return rates;
  if (!edits->is_object()) return std::nullopt;
  for (auto r = edits->begin(); r != edits->end(); ++r) {
    if (!r.value().is_number()) return std::nullopt;
    const double rate = r.value().get<double>();
    const Measure* m = scenario.FindMeasure(r.key());
    if (!m || !std::isfinite(rate) || rate < 0.0 || rate > kMaxTariffRate ||
        !m->rate_from_baseline.empty()) {
      return std::nullopt;
    }
    rates[static_cast<std::size_t>(m - scenario.measures.data())] = rate;
  }
  return rates;
}

void ReadExplainOptions(const Json& document, ExplainOptions& options) {
  if (auto it = document.find("origin"); it != document.end()) {
    options.origin = RequireString(*it, Field("origin"));
  }
  if (auto it = document.find("sector"); it != document.end()) {
    options.sector = RequireString(*it, Field("sector"));
  }
  if (auto it = document.find("max_products"); it != document.end()) {
    if (!it->is_number_integer()) Invalid(Field("max_products"), "expected an integer");
    options.max_products = it->get<int>();
  }
}

const char* EndpointName(Endpoint endpoint) {
  switch (endpoint) {
    case Endpoint::kSolve: return "solve";
    case Endpoint::kExplain: return "explain";
    case Endpoint::kDraws: return "draws";
  }
  return "";
}

void CheckKeys(const Json& document, Endpoint endpoint) {
  std::vector<std::string> allowed = {
      "baseline",    "scenario",         "scenario_toml",   "date", "rates", "measures", "tags",
      "usmca_share", "bilateral_sector", "elasticity_flags"};
  if (endpoint == Endpoint::kExplain) {
    allowed.insert(allowed.end(), {"origin", "sector", "max_products"});
  }
  if (endpoint == Endpoint::kDraws) allowed.insert(allowed.end(), {"draws", "seed"});
  for (auto it = document.begin(); it != document.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      Invalid(Field(it.key()),
              fmt::format("unknown key '{}'{}", it.key(), detail::DidYouMean(it.key(), allowed)),
              fmt::format("keys of a {} request: {}", EndpointName(endpoint), JoinNames(allowed)));
    }
  }
}

// The request's scenario; for a named one, also the catalog's object in *named when given.
Scenario ScenarioOf(const Json& document, Catalog& catalog,
                    std::shared_ptr<const Scenario>* named_out) {
  const auto named = document.find("scenario");
  const auto toml = document.find("scenario_toml");
  if (named != document.end() && toml != document.end()) {
    Invalid(Field("scenario_toml"), "give either 'scenario' or 'scenario_toml', not both");
  }
  if (toml != document.end()) {
    return ParseScenario(RequireString(*toml, Field("scenario_toml")), "scenario_toml");
  }
  if (named == document.end()) {
    Invalid(Field("scenario"), "no scenario given",
            fmt::format("name one ({}) or give one inline as an object or as 'scenario_toml'",
                        JoinNames(catalog.ScenarioNames())));
  }
  if (named->is_string()) {
    auto scenario = catalog.GetScenario(named->get<std::string>());
    if (named_out) *named_out = scenario;
    return *scenario;
  }
  if (named->is_object()) return ScenarioFromJson(*named, "scenario");
  Invalid(Field("scenario"),
          fmt::format("expected a scenario name or a scenario object, got {}", TypeName(*named)));
}

std::string BaselineOf(const std::optional<std::string>& requested, const Scenario& scenario) {
  return requested ? *requested : scenario.baseline;
}

SolveRequest FromJson(std::string_view body, Endpoint endpoint, Catalog& catalog) {
  const Json document = ParseJsonBody(body);
  if (!document.is_object()) {
    Invalid(Location{kRequestBody, 0, 0, ""},
            fmt::format("expected a JSON object, got {}", TypeName(document)),
            "send {\"scenario\": \"NAME\", \"rates\": {\"MEASURE\": 0.25}}");
  }
  CheckKeys(document, endpoint);
  SolveRequest request;
  // Draws solve the same point as /solve first, so they take the same short way.
  bool only_rate_keys = endpoint == Endpoint::kSolve || endpoint == Endpoint::kDraws;
  for (auto it = document.begin(); it != document.end(); ++it) {
    const std::string& key = it.key();
    if (key != "scenario" && key != "baseline" && key != "rates" && key != "bilateral_sector" &&
        key != "elasticity_flags" && key != "draws" && key != "seed") {
      only_rate_keys = false;
    }
  }
  if (const auto named = document.find("scenario");
      only_rate_keys && named != document.end() && named->is_string()) {
    auto scenario = catalog.GetScenario(named->get<std::string>());
    if (auto rates = EditedRates(document, *scenario)) {
      request.named = std::move(scenario);
      request.rates = std::move(*rates);
      request.rates_only = true;
    }
  }
  // Anything else, and rate edits the scenario refuses (whose errors SetMeasureRate words).
  if (!request.rates_only) {
    request.scenario =
        ScenarioOf(document, catalog, endpoint != Endpoint::kExplain ? &request.named : nullptr);
    ApplyEdits(document, request.scenario);
  }
  std::optional<std::string> baseline;
  if (auto it = document.find("baseline"); it != document.end()) {
    baseline = RequireString(*it, Field("baseline"));
  }
  if (auto it = document.find("date"); it != document.end()) {
    request.date = ReadDate(RequireString(*it, Field("date")), Field("date"));
  }
  if (auto it = document.find("usmca_share"); it != document.end() && !it->is_null()) {
    request.usmca_share =
        ReadUsmcaShare(RequireNumber(*it, Field("usmca_share")), Field("usmca_share"));
  }
  if (auto it = document.find("bilateral_sector"); it != document.end()) {
    request.bilateral_sector = RequireBool(*it, Field("bilateral_sector"));
  }
  if (auto it = document.find("elasticity_flags"); it != document.end()) {
    request.elasticity_flags = RequireBool(*it, Field("elasticity_flags"));
  }
  if (endpoint == Endpoint::kExplain) ReadExplainOptions(document, request.explain);
  if (endpoint == Endpoint::kDraws) {
    if (auto it = document.find("draws"); it != document.end())
      request.draws.draws = ReadDrawCount(*it, Field("draws"));
    if (auto it = document.find("seed"); it != document.end())
      request.draws.seed = ReadSeed(*it, Field("seed"));
  }
  request.baseline_name =
      BaselineOf(baseline, request.rates_only ? *request.named : request.scenario);
  return request;
}

SolveRequest FromToml(std::string_view body, const std::multimap<std::string, std::string>& query,
                      Endpoint endpoint) {
  SolveRequest request;
  std::optional<std::string> baseline;
  std::vector<std::string> allowed = {"baseline", "date", "usmca_share", "bilateral_sector",
                                      "elasticity_flags"};
  if (endpoint == Endpoint::kExplain) allowed.insert(allowed.end(), {"origin", "sector"});
  if (endpoint == Endpoint::kDraws) allowed.insert(allowed.end(), {"draws", "seed"});
  for (const auto& [key, value] : query) {
    const Location where = QueryField(key);
    if (key == "baseline") {
      baseline = value;
    } else if (key == "date") {
      request.date = ReadDate(value, where);
    } else if (key == "usmca_share") {
      char* end = nullptr;
      const double share = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0') Invalid(where, fmt::format("'{}' is not a number", value));
      request.usmca_share = ReadUsmcaShare(share, where);
    } else if (key == "bilateral_sector") {
      if (value != "true" && value != "false") Invalid(where, "expected true or false");
      request.bilateral_sector = value == "true";
    } else if (key == "elasticity_flags") {
      if (value != "true" && value != "false") Invalid(where, "expected true or false");
      request.elasticity_flags = value == "true";
    } else if (key == "origin" && endpoint == Endpoint::kExplain) {
      request.explain.origin = value;
    } else if (key == "sector" && endpoint == Endpoint::kExplain) {
      request.explain.sector = value;
    } else if (key == "draws" && endpoint == Endpoint::kDraws) {
      request.draws.draws = ReadDrawCount(value, where);
    } else if (key == "seed" && endpoint == Endpoint::kDraws) {
      request.draws.seed = ReadSeed(value, where);
    } else {
      Invalid(where,
              fmt::format("unknown query parameter '{}'{}", key, detail::DidYouMean(key, allowed)),
              fmt::format("parameters with a TOML body: {}", JoinNames(allowed)));
    }
  }
  if (body.empty()) {
    Invalid(Location{kRequestBody, 0, 0, ""}, "the body is empty", "send a scenario in TOML");
  }
  request.scenario = ParseScenario(body, kRequestBody);
  request.baseline_name = BaselineOf(baseline, request.scenario);
  return request;
}

}  // namespace

BodyFormat BodyFormatOf(std::string_view content_type) {
  const std::string_view media = content_type.substr(0, content_type.find(';'));
  if (media.empty() || media.ends_with("/json") || media.ends_with("+json"))
    return BodyFormat::kJson;
  if (media.ends_with("/toml")) return BodyFormat::kToml;
  throw HttpError(415, "unsupported media type", Location{"", 0, 0, "Content-Type"},
                  fmt::format("cannot read a body of type '{}'", media),
                  "send application/json (a request document) or application/toml (a scenario)");
}

SolveRequest ReadSolveRequest(std::string_view body, BodyFormat format,
                              const std::multimap<std::string, std::string>& query,
                              Endpoint endpoint, Catalog& catalog) {
  SolveRequest request = format == BodyFormat::kJson ? FromJson(body, endpoint, catalog)
                                                     : FromToml(body, query, endpoint);
  request.baseline = catalog.GetBaseline(request.baseline_name);
  return request;
}

std::string SolveCacheKey(std::string_view body, BodyFormat format,
                          const std::multimap<std::string, std::string>& query,
                          const Catalog& catalog) {
  if (format == BodyFormat::kToml) {
    std::string key = "toml?";
    for (const auto& [name, value] : query) key += name + "=" + value + "&";  // sorted by name
    return key + "\n" + std::string(body);
  }
  const Json document = ParseJsonBody(body);
  std::string key = "json:" + document.dump();
  // A named scenario is read again when its file changes: its version is part of the answer.
  if (document.is_object()) {
    if (auto it = document.find("scenario"); it != document.end() && it->is_string()) {
      key += "\nscenario version " + catalog.ScenarioVersion(it->get<std::string>());
    }
  }
  return key;
}

}  // namespace ricardo::server
