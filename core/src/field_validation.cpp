#include "field_validation.hpp"

#include <cmath>

#include "derived_math.hpp"

namespace livermets {

namespace {

// What a field accepts, in the words of its error message.
std::string accepted_text(const FieldSpec& f) {
  auto number = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  std::string unit = f.unit.empty() ? "" : " " + std::string(f.unit);
  switch (f.type) {
    case FieldType::boolean: return "true or false (or null for unknown)";
    case FieldType::enumeration: {
      std::string s = "one of ";
      for (std::size_t i = 0; i < f.options.size(); ++i) {
        s += (i ? ", \"" : "\"") + std::string(f.options[i]) + "\"";
      }
      return s + " (or null for unknown)";
    }
    case FieldType::integer:
      return "a whole number from " + number(f.min) + " to " + number(f.max) + unit + " (or null for unknown)";
    case FieldType::number:
      return "a number " + std::string(f.min_exclusive ? "above " : "from ") + number(f.min) + unit +
             (f.min_exclusive ? " up to " : " to ") + number(f.max) + unit + " (or null for unknown)";
  }
  return "";
}

}  // namespace

bool read_field(const FieldSpec& f, const Value& v, Case& c, std::string& why) {
  using Kind = Value::Kind;
  if (v.kind == Kind::null) return true;  // null = unknown
  auto refuse = [&](std::string reason) {
    why = std::move(reason) + "; accepted: " + accepted_text(f);
    return false;
  };
  switch (f.type) {
    case FieldType::boolean:
      if (v.kind != Kind::boolean) return refuse("expected true or false");
      f.boolean_ref(c) = v.boolean;
      return true;
    case FieldType::enumeration: {
      if (v.kind != Kind::string) return refuse("expected a text value");
      for (std::size_t i = 0; i < f.options.size(); ++i) {
        if (f.options[i] == *v.text) {
          f.enum_set(c, static_cast<int>(i));
          return true;
        }
      }
      return refuse("\"" + *v.text + "\" is not a known value");
    }
    case FieldType::integer:
    case FieldType::number: {
      if (v.kind != Kind::number) return refuse("expected a number");
      const double x = v.number;
      if (f.type == FieldType::integer && std::floor(x) != x) return refuse("expected a whole number");
      const bool below = f.min_exclusive ? x <= f.min : x < f.min;
      if (below || x > f.max) return refuse("out of range");
      if (f.type == FieldType::integer) {
        f.integer_ref(c) = static_cast<int>(x);
      } else {
        f.number_ref(c) = x;
      }
      return true;
    }
  }
  return true;
}

void check_contradictions(const Case& c, std::vector<FieldError>& errors) {
  if (c.flr_percent && c.flr_volume_ml) {
    errors.push_back({"flr_volume_ml", "give either flr_percent or flr_volume_ml (with height and weight), not both"});
  } else if (c.flr_volume_ml && c.height_cm && c.weight_kg) {
    const double pct = remnant_percent(*c.flr_volume_ml, vauthey_slv(mosteller_bsa(*c.height_cm, *c.weight_kg)));
    if (pct > 100.0) {
      errors.push_back({"flr_volume_ml", "the remnant computes to " + std::to_string(static_cast<int>(pct)) +
                                             "% of standard liver volume, above 100%; check the volume (ml), "
                                             "height (cm) and weight (kg)"});
    }
  }
  const auto& interval = c.colorectal.disease_free_interval_months;
  if (interval && c.presentation == Presentation::synchronous && *interval > 0) {
    errors.push_back({"colorectal.disease_free_interval_months",
                      "a synchronous presentation has an interval of 0 months; give 0, or leave it out"});
  }
  if (interval && c.presentation == Presentation::metachronous && *interval == 0) {
    errors.push_back({"colorectal.disease_free_interval_months",
                      "a metachronous presentation needs an interval above 0 months"});
  }
}

}  // namespace livermets
