// Names of the scenario enums, as written in scenario files.
#include "ricardo/scenario.hpp"

namespace ricardo {

const char* ToString(Authority authority) {
  switch (authority) {
    case Authority::kMfn: return "mfn";
    case Authority::kSection232: return "section_232";
    case Authority::kIeepa: return "ieepa";
    case Authority::kSection122: return "section_122";
    case Authority::kSection301: return "section_301";
    case Authority::kSection201: return "section_201";
    case Authority::kAdCvd: return "ad_cvd";
    case Authority::kSurtax: return "surtax";
    case Authority::kOther: return "other";
  }
  return "other";
}

std::optional<Authority> ParseAuthority(std::string_view text) {
  for (Authority a : {Authority::kMfn, Authority::kSection232, Authority::kIeepa,
                      Authority::kSection122, Authority::kSection301, Authority::kSection201,
                      Authority::kAdCvd, Authority::kSurtax, Authority::kOther}) {
    if (text == ToString(a)) return a;
  }
  return std::nullopt;
}

const char* ToString(ContentBasis basis) {
  switch (basis) {
    case ContentBasis::kFullValue: return "full";
    case ContentBasis::kSteel: return "steel";
    case ContentBasis::kAluminum: return "aluminum";
    case ContentBasis::kCopper: return "copper";
    case ContentBasis::kMetal: return "metal";
  }
  return "full";
}

const char* ToString(RateForm form) {
  switch (form) {
    case RateForm::kAdditional: return "additional";
    case RateForm::kAllInFloor: return "all-in-floor";
  }
  return "additional";
}

const char* ToString(UsmcaTreatment treatment) {
  switch (treatment) {
    case UsmcaTreatment::kNone: return "none";
    case UsmcaTreatment::kExcluded: return "excluded";
    case UsmcaTreatment::kDutyFree: return "duty-free";
    case UsmcaTreatment::kNonUsContent: return "non-us-content";
  }
  return "none";
}

const char* ToString(StackingKind kind) {
  switch (kind) {
    case StackingKind::kReplaces: return "replaces";
    case StackingKind::kReplacesOnContent: return "replaces-on-content";
    case StackingKind::kStacks: return "stacks";
  }
  return "stacks";
}

const char* ToString(UsmcaShareMethod method) {
  switch (method) {
    case UsmcaShareMethod::kRolling3Month: return "rolling-3-month";
    case UsmcaShareMethod::kMonth: return "month";
    case UsmcaShareMethod::kSecondHalf2025: return "h2-2025";
  }
  return "rolling-3-month";
}

}  // namespace ricardo
