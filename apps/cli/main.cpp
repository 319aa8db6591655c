// ricardo: a trade-policy simulator (Caliendo–Parro general equilibrium with input-output links).
#include <cstdio>
#include <exception>
#include <new>

#include "cli.hpp"
#include "ricardo/error.hpp"

namespace ricardo::cli {

CLI::App* AddCommand(CLI::App& parent, Context& context, const std::string& name,
                     const std::string& description, std::function<int()> body) {
  CLI::App* sub = parent.add_subcommand(name, description);
  sub->callback([&context, body = std::move(body)] { context.exit_code = body(); });
  return sub;
}

namespace {

int ExitCodeFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kData: return kExitDataError;
    case ErrorKind::kScenario: return kExitScenarioError;
    case ErrorKind::kArgument: return kExitUsage;
    case ErrorKind::kNotFound: return kExitNotFound;
    case ErrorKind::kLimit: return kExitLimit;
    case ErrorKind::kOutput: return kExitCantCreate;
    case ErrorKind::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace
}  // namespace ricardo::cli

int main(int argc, char** argv) {
  using namespace ricardo::cli;
  CLI::App app{"ricardo: trade-policy simulator — from tariff law to general equilibrium"};
  app.set_version_flag("--version", RICARDO_VERSION_STRING);
  app.require_subcommand(0, 1);
  Context context;
  SetCommandLine(argc, argv);
  RegisterReplicate(app, context);
  RegisterData(app, context);
  RegisterScenario(app, context);
  RegisterRun(app, context);
  RegisterCompare(app, context);
  RegisterServe(app, context);
  RegisterSweep(app, context);
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      std::fputs(app.help().c_str(), stdout);
      return kExitOk;
    }
    return context.exit_code;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const ricardo::Error& e) {
    std::fprintf(stderr, "ricardo: %s: %s\n", ricardo::ToString(e.kind()), e.what());
    return ExitCodeFor(e.kind());
  } catch (const std::bad_alloc&) {
    // Memory exhausted: a size problem, not a usage error; the model or the sweep did not fit.
    std::fputs(
        "ricardo: out of memory: an allocation failed (the baseline, the scenario set or "
        "the --theta-scale sweep is too large for this machine's memory; use a smaller "
        "one, or see the limits in docs/cli.md)\n",
        stderr);
    return kExitInternal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ricardo: internal error: %s (please report this as a bug)\n", e.what());
    return kExitInternal;
  }
}
