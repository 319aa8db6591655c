// Writes the HTML report of a small hand-made run (tests/report/report_fixture.hpp) into the
// directory given, for the browser test: the four-region run, or with `--world` the 12-region
// one. Usage: ricardo_sample_report [--world] DIR
#include <cstdio>
#include <exception>
#include <string>

#include "report_fixture.hpp"
#include "ricardo/report.hpp"

int main(int argc, char** argv) {
  const bool world = argc == 3 && std::string(argv[1]) == "--world";
  if (argc != 2 && !world) {
    std::fprintf(stderr, "usage: %s [--world] OUTPUT_DIR\n", argv[0]);
    return 2;
  }
  try {
    const ricardo::RunResult run = world ? ricardo::testing::SmallWorldRun()
                                         : ricardo::testing::SmallRun(/*retaliation=*/true);
    const ricardo::ReportFiles files = ricardo::WriteRunReport(run, argv[argc - 1]);
    if (files.html.empty()) {
      std::fprintf(stderr, "%s\n", files.html_skipped_reason.c_str());
      return 1;
    }
    std::printf("%s\n", files.html.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
