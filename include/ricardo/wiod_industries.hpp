// The 35 industries of the World Input-Output Database, 2013 release (ISIC Rev.3 based), with
// the short codes ricardo uses for them and the ISIC Rev.3 divisions each covers. The built-in
// north-america baseline and the WIOD importer use these codes; HS products map to them through
// HS6 → ISIC Rev.3 → division.
#pragma once

#include <array>
#include <string_view>

namespace ricardo::wiod {

struct Industry {
  std::string_view wiod_code;  // c1 … c35 (the table's column labels)
  std::string_view code;       // ricardo's sector code
  std::string_view name;
  std::string_view isic_rev3;  // divisions, as in Sector::isic_rev3
  bool goods;                  // c1–c16: goods (tariffs apply); c17–c35: services
};

inline constexpr std::array<Industry, 35> kIndustries = {{
    {"c1", "agriculture", "Agriculture, hunting, forestry and fishing", "01,02,05", true},
    {"c2", "mining", "Mining and quarrying", "10-14", true},
    {"c3", "food", "Food, beverages and tobacco", "15-16", true},
    {"c4", "textiles", "Textiles and textile products", "17-18", true},
    {"c5", "leather", "Leather, leather products and footwear", "19", true},
    {"c6", "wood", "Wood and products of wood and cork", "20", true},
    {"c7", "paper", "Pulp, paper, printing and publishing", "21-22", true},
    {"c8", "petroleum", "Coke, refined petroleum and nuclear fuel", "23", true},
    {"c9", "chemicals", "Chemicals and chemical products", "24", true},
    {"c10", "plastics", "Rubber and plastics", "25", true},
    {"c11", "minerals", "Other non-metallic minerals", "26", true},
    {"c12", "metals", "Basic metals and fabricated metal", "27-28", true},
    {"c13", "machinery", "Machinery n.e.c.", "29", true},
    {"c14", "electrical", "Electrical and optical equipment", "30-33", true},
    {"c15", "transport_equipment", "Transport equipment", "34-35", true},
    {"c16", "other_manufacturing", "Manufacturing n.e.c.; recycling", "36-37", true},
    {"c17", "utilities", "Electricity, gas and water supply", "40-41", false},
    {"c18", "construction", "Construction", "45", false},
    {"c19", "motor_trade", "Sale, maintenance and repair of motor vehicles; fuel retail", "50",
     false},
    {"c20", "wholesale", "Wholesale trade and commission trade", "51", false},
    {"c21", "retail", "Retail trade; repair of household goods", "52", false},
    {"c22", "hotels", "Hotels and restaurants", "55", false},
    {"c23", "inland_transport", "Inland transport", "60", false},
    {"c24", "water_transport", "Water transport", "61", false},
    {"c25", "air_transport", "Air transport", "62", false},
    {"c26", "transport_services", "Supporting and auxiliary transport; travel agencies", "63",
     false},
    {"c27", "telecom", "Post and telecommunications", "64", false},
    {"c28", "finance", "Financial intermediation", "65-67", false},
    {"c29", "real_estate", "Real estate activities", "70", false},
    {"c30", "business_services", "Renting of machinery and other business activities", "71-74",
     false},
    {"c31", "public_admin", "Public administration and defence; social security", "75", false},
    {"c32", "education", "Education", "80", false},
    {"c33", "health", "Health and social work", "85", false},
    {"c34", "other_services", "Other community, social and personal services", "90-93", false},
    {"c35", "households", "Private households with employed persons", "95", false},
}};

}  // namespace ricardo::wiod
