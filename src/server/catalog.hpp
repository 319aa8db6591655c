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

  std::vector<std::string> ScenarioNames() const;  // file stems, sorted
  // Parsed on first use and again when the file changes. NotFoundError for an unknown name.
  std::shared_ptr<const Scenario> GetScenario(const std::string& name);
  // The modification time of the scenario's file, as text; "" if there is no such file.
  std::string ScenarioVersion(const std::string& name) const;

  const std::filesystem::path& scenario_directory() const { return scenario_directory_; }

 private:
  struct CachedScenario {
    std::filesystem::file_time_type modified;
    std::shared_ptr<const Scenario> scenario;
  };
  std::map<std::string, std::filesystem::path> extra_baselines_;
  std::filesystem::path scenario_directory_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Baseline>> baselines_;
  std::map<std::string, CachedScenario> scenarios_;
};

}  // namespace ricardo::server
