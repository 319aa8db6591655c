// Writes the HTML report of a small hand-made run (tests/report/report_fixture.hpp) into the
// directory given, for the browser test. Usage: ricardo_sample_report DIR
#include <cstdio>
#include <exception>

#include "report_fixture.hpp"
#include "ricardo/report.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
    return 2;
  }
  try {
    const ricardo::RunResult run = ricardo::testing::SmallRun(/*retaliation=*/true);
    const ricardo::ReportFiles files = ricardo::WriteRunReport(run, argv[1]);
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
