// The baselines and scenarios a server offers, loaded once and shared by every request.
// Clients name them; they never give file paths.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/scenario.hpp"
#include "tariffs/scenario_rate_text.hpp"

namespace ricardo::server {

class Catalog {
 public:
  // `extra_baselines`: name → package directory, offered besides the built-in baselines.
  // `scenario_directory`: where the offered *.toml scenarios are.
  Catalog(std::map<std::string, std::filesystem::path> extra_baselines,
          std::filesystem::path scenario_directory);

  std::vector<std::string> BaselineNames() const;  // sorted
  // Loads on first use. NotFoundError (with suggestions) for a name not offered.
  std::shared_ptr<const Baseline> GetBaseline(const std::string& name);
  // PackageSha256 of the baseline's package (ricardo/run_stamp.hpp), computed once, when it is
  // loaded. NotFoundError as GetBaseline.
  std::string BaselineSha256(const std::string& name);

  std::vector<std::string> ScenarioNames() const;  // file stems, sorted
  // Parsed on first use and again when the file changes. NotFoundError for an unknown name.
  std::shared_ptr<const Scenario> GetScenario(const std::string& name);
  // The modification time of the scenario's file, as text; "" if there is no such file.
  std::string ScenarioVersion(const std::string& name) const;

  const std::filesystem::path& scenario_directory() const { return scenario_directory_; }

  // A scenario this catalog gave (GetScenario) compiled on one of its baselines with the
  // scenario's own date and USMCA shares and no product trace: what the dashboard's rate edits
  // are evaluated on (CompiledScenario::SetRates), so that they equal a compile of the edited
  // file. Compiled on first use, outside the lock; kept while the scenario object is the
  // current one (a file edited on disk gives a new object), at most 16 at a time. Throws what
  // CompileScenario throws.
  std::shared_ptr<const CompiledScenario> GetCompiled(
      const std::shared_ptr<const Scenario>& scenario,
      const std::shared_ptr<const Baseline>& baseline);

  // The rate template of a scenario this catalog gave (detail::MakeRateTemplate), for the
  // stamp's hash of a rate edit; made on first use, kept while the scenario object is current.
  std::shared_ptr<const detail::RateTemplate> GetRateTemplate(
      const std::shared_ptr<const Scenario>& scenario);

 private:
  struct CachedScenario {
    std::filesystem::file_time_type modified;
    std::shared_ptr<const Scenario> scenario;
  };
  std::map<std::string, std::filesystem::path> extra_baselines_;
  std::filesystem::path scenario_directory_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Baseline>> baselines_;
  std::map<std::string, std::string> baseline_sha256_;
  std::map<std::string, CachedScenario> scenarios_;
  struct CachedCompile {
    std::shared_ptr<const Scenario> scenario;  // held, so that the key's addresses stay theirs
    std::shared_ptr<const Baseline> baseline;
    std::shared_ptr<const CompiledScenario> compiled;
  };
  std::map<std::pair<const Scenario*, const Baseline*>, CachedCompile> compiled_;
  struct CachedTemplate {
    std::shared_ptr<const Scenario> scenario;  // held, so that the key's address stays its own
    std::shared_ptr<const detail::RateTemplate> rate_template;
  };
  std::map<const Scenario*, CachedTemplate> templates_;
};

}  // namespace ricardo::server
