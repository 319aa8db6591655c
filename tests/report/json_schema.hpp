// A small JSON Schema validator for the tests: exactly the keywords ricardo's schema files use
// (type, const, enum, properties, required, additionalProperties, items, minItems, minimum,
// exclusiveMinimum, $ref to #/$defs/…), plus annotations (title, description, $schema, $id,
// $defs). Any other keyword is reported as an error, so a schema cannot silently rely on one
// this validator ignores. Header-only: tests/CMakeLists.txt compiles only *_test.cpp files.
#pragma once

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"

namespace ricardo::testing {

class JsonSchemaValidator {
 public:
  explicit JsonSchemaValidator(nlohmann::json schema) : root_(std::move(schema)) {}

  // Every violation as "path: problem"; empty if the document is valid.
  std::vector<std::string> Validate(const nlohmann::json& document) const {
    std::vector<std::string> errors;
    Check(root_, document, "$", errors);
    return errors;
  }

 private:
  static bool HasType(const nlohmann::json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_boolean();
    if (type == "null") return v.is_null();
    if (type == "integer") return v.is_number_integer() || v.is_number_unsigned();
    if (type == "number") return v.is_number();
    return false;
  }

  const nlohmann::json& Resolve(const std::string& ref, const std::string& path,
                                std::vector<std::string>& errors) const {
    static const nlohmann::json kEmpty = nlohmann::json::object();
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0 || !root_.contains("$defs") ||
        !root_["$defs"].contains(ref.substr(prefix.size()))) {
      errors.push_back(path + ": schema error: unresolvable $ref '" + ref + "'");
      return kEmpty;
    }
    return root_["$defs"][ref.substr(prefix.size())];
  }

  void Check(const nlohmann::json& schema, const nlohmann::json& v, const std::string& path,
             std::vector<std::string>& errors) const {
    static const std::set<std::string> kKnown = {"type",        "const",
                                                 "enum",        "properties",
                                                 "required",    "additionalProperties",
                                                 "items",       "minItems",
                                                 "minimum",     "exclusiveMinimum",
                                                 "$ref",        "title",
                                                 "description", "$schema",
                                                 "$id",         "$defs",
                                                 "pattern"};
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) errors.push_back(path + ": not allowed here");
      return;
    }
    for (const auto& [key, _] : schema.items()) {
      if (!kKnown.count(key))
        errors.push_back(path + ": schema error: unsupported keyword '" + key + "'");
    }
    if (schema.contains("$ref")) Check(Resolve(schema["$ref"], path, errors), v, path, errors);
    if (schema.contains("type")) {
      const auto& t = schema["type"];
      bool ok = false;
      if (t.is_string()) ok = HasType(v, t);
      for (const auto& one : t.is_array() ? t : nlohmann::json::array()) ok = ok || HasType(v, one);
      if (!ok) {
        errors.push_back(path + ": expected type " + t.dump() + ", found " + v.type_name());
        return;
      }
    }
    if (schema.contains("const") && v != schema["const"])
      errors.push_back(path + ": expected " + schema["const"].dump() + ", found " + v.dump());
    if (schema.contains("enum")) {
      bool found = false;
      for (const auto& e : schema["enum"]) found = found || e == v;
      if (!found)
        errors.push_back(path + ": " + v.dump() + " is not one of " + schema["enum"].dump());
    }
    // ECMAScript regular expression, unanchored as JSON Schema says (schemas anchor with ^…$).
    if (v.is_string() && schema.contains("pattern") &&
        !std::regex_search(v.get<std::string>(), std::regex(schema["pattern"].get<std::string>())))
      errors.push_back(path + ": " + v.dump() + " does not match " + schema["pattern"].dump());
    if (v.is_number()) {
      const double x = v.get<double>();
      if (schema.contains("minimum") && x < schema["minimum"].get<double>())
        errors.push_back(path + ": " + v.dump() + " is below the minimum " +
                         schema["minimum"].dump());
      if (schema.contains("exclusiveMinimum") && x <= schema["exclusiveMinimum"].get<double>())
        errors.push_back(path + ": " + v.dump() + " is not above " +
                         schema["exclusiveMinimum"].dump());
    }
    if (v.is_array()) {
      if (schema.contains("minItems") && v.size() < schema["minItems"].get<std::size_t>())
        errors.push_back(path + ": fewer than " + schema["minItems"].dump() + " items");
      if (schema.contains("items"))
        for (std::size_t k = 0; k < v.size(); ++k)
          Check(schema["items"], v[k], path + "[" + std::to_string(k) + "]", errors);
    }
    if (v.is_object()) {
      if (schema.contains("required"))
        for (const auto& name : schema["required"])
          if (!v.contains(name.get<std::string>()))
            errors.push_back(path + ": missing required field '" + name.get<std::string>() + "'");
      const nlohmann::json properties =
          schema.contains("properties") ? schema["properties"] : nlohmann::json::object();
      for (const auto& [key, value] : v.items()) {
        const std::string child = path + "." + key;
        if (properties.contains(key)) {
          Check(properties[key], value, child, errors);
        } else if (schema.contains("additionalProperties")) {
          Check(schema["additionalProperties"], value, child, errors);
        }
      }
    }
  }

  nlohmann::json root_;
};

}  // namespace ricardo::testing
