// Case parsing in two steps: a guarded read of the JSON text (hostile-input
// limits enforced while reading, so nothing deep or huge is ever built), then
// validation of every field against the field table.
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "derived_math.hpp"
#include "fields.hpp"
#include "livermets/parse.hpp"

namespace livermets {

using json = nlohmann::json;

namespace {

// ------------------------------------------------------------ guarded read

// A SAX handler that builds the document like nlohmann's own DOM parser, but
// stops at the first depth, duplicate-key or non-finite-number violation and
// keeps the syntax error's position instead of throwing.
class GuardedReader {
 public:
  explicit GuardedReader(json& root) : dom_(root, /*allow_exceptions=*/false) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& text) {
    if (!std::isfinite(v)) {
      return fail(current_path(), "the number " + text + " is outside the range of a double");
    }
    return dom_.number_float(v, text);
  }
  bool string(json::string_t& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) {
    if (!enter()) return false;
    keys_.emplace_back();
    path_.emplace_back();
    return dom_.start_object(n);
  }
  bool end_object() {
    --depth_;
    keys_.pop_back();
    path_.pop_back();
    return dom_.end_object();
  }
  bool start_array(std::size_t n) {
    if (!enter()) return false;
    keys_.emplace_back();
    path_.emplace_back("[]");
    return dom_.start_array(n);
  }
  bool end_array() {
    --depth_;
    keys_.pop_back();
    path_.pop_back();
    return dom_.end_array();
  }
  bool key(json::string_t& k) {
    auto& seen = keys_.back();
    path_.back() = k;
    for (const auto& s : seen) {
      if (s == k) return fail(current_path(), "the key \"" + k + "\" appears twice in the same object; give it once");
    }
    seen.push_back(k);
    return dom_.key(k);
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) {
    if (ex.id == 406) {  // nlohmann: a number overflowed a double (1e400)
      return fail(current_path(), "the number is outside the range of a double; give a finite number");
    }
    std::string what = ex.what();
    // nlohmann's text starts with "[json.exception.parse_error.101] parse error at ...: "
    const auto colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    // Drop nlohmann's echo of the offending bytes: they may be invalid UTF-8.
    const auto echo = what.find("; last read");
    if (echo != std::string::npos) what = what.substr(0, echo);
    return fail("case", "not valid JSON (at byte " + std::to_string(position) + "): " + what);
  }

  const std::optional<FieldError>& error() const { return error_; }

 private:
  bool enter() {
    if (++depth_ > kMaxDepth) {
      return fail("case", "nesting deeper than " + std::to_string(kMaxDepth) + " levels is refused");
    }
    return true;
  }
  bool fail(std::string field, std::string message) {
    if (!error_) error_ = FieldError{std::move(field), std::move(message)};
    return false;
  }
  std::string current_path() const {
    std::string p;
    for (const auto& part : path_) {
      if (part.empty() || part == "[]") continue;
      if (!p.empty()) p += '.';
      p += part;
    }
    return p.empty() ? "case" : p;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  int depth_ = 0;
  std::vector<std::vector<std::string>> keys_;
  std::vector<std::string> path_;
  std::optional<FieldError> error_;
};

// --------------------------------------------------------- field validation

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

// Reads one field's JSON value into the case, or explains what is accepted.
void read_field(const FieldSpec& f, const json& v, Case& c, std::vector<FieldError>& errors) {
  if (v.is_null()) return;  // null = unknown
  auto refuse = [&](const std::string& why) {
    errors.push_back({std::string(f.id), why + "; accepted: " + accepted_text(f)});
  };
  switch (f.type) {
    case FieldType::boolean:
      if (!v.is_boolean()) return refuse("expected true or false");
      f.boolean_ref(c) = v.get<bool>();
      return;
    case FieldType::enumeration: {
      if (!v.is_string()) return refuse("expected a text value");
      const auto& s = v.get_ref<const std::string&>();
      for (std::size_t i = 0; i < f.options.size(); ++i) {
        if (f.options[i] == s) return f.enum_set(c, static_cast<int>(i));
      }
      return refuse("\"" + s + "\" is not a known value");
    }
    case FieldType::integer:
    case FieldType::number: {
      if (!v.is_number()) return refuse("expected a number");
      const double x = v.get<double>();
      if (f.type == FieldType::integer && std::floor(x) != x) return refuse("expected a whole number");
      const bool below = f.min_exclusive ? x <= f.min : x < f.min;
      if (below || x > f.max) return refuse("out of range");
      if (f.type == FieldType::integer) {
        f.integer_ref(c) = static_cast<int>(x);
      } else {
        f.number_ref(c) = x;
      }
      return;
    }
  }
}

bool is_integrator_field(const std::string& key) { return key.rfind("x_", 0) == 0; }

constexpr const char* kAcceptedSchema = "livermets-case/1";

struct BlockRule {
  const char* name;
  Primary primary;
};
constexpr BlockRule kBlocks[] = {
    {"colorectal", Primary::colorectal}, {"breast", Primary::breast}, {"neuroendocrine", Primary::neuroendocrine}};

// Validates an object's keys against the field table under `prefix`.
void read_object(const json& obj, const std::string& prefix, Case& c, std::vector<FieldError>& errors) {
  for (const auto& [key, value] : obj.items()) {
    if (is_integrator_field(key)) continue;
    if (key.empty()) {  // name the enclosing object: an empty name cannot be pointed at
      errors.push_back({prefix.empty() ? "case" : prefix, "a field with an empty name is not accepted"});
      continue;
    }
    const std::string id = prefix.empty() ? key : prefix + "." + key;
    if (prefix.empty() && (key == "schema" || key == "setting")) continue;  // handled by the caller
    bool is_block = false;
    for (const auto& b : kBlocks) is_block = is_block || (prefix.empty() && key == b.name);
    if (is_block) continue;
    const FieldSpec* f = find_field(id);
    if (f == nullptr) {
      errors.push_back({id, "unknown field (check the spelling; integrator fields must start with x_)"});
      continue;
    }
    read_field(*f, value, c, errors);
  }
}

void read_special_fields(const json& obj, Case& c, std::vector<FieldError>& errors) {
  if (auto it = obj.find("schema"); it != obj.end() && !it->is_null()) {
    if (!it->is_string() || it->get_ref<const std::string&>() != kAcceptedSchema) {
      errors.push_back({"schema", std::string("unsupported format version; accepted: \"") + kAcceptedSchema +
                                      "\" (or leave it out)"});
    }
  }
  if (auto it = obj.find("setting"); it != obj.end() && !it->is_null()) {
    if (*it == "initial") {
      c.setting = Setting::initial;
    } else if (*it == "recurrence_after_hepatectomy") {
      c.setting = Setting::recurrence_after_hepatectomy;
    } else {
      errors.push_back({"setting", "accepted: one of \"initial\", \"recurrence_after_hepatectomy\" (or null for "
                                   "the default, initial)"});
    }
  }
}

void read_blocks(const json& obj, Case& c, std::vector<FieldError>& errors) {
  for (const auto& b : kBlocks) {
    auto it = obj.find(b.name);
    if (it == obj.end() || it->is_null()) continue;
    if (c.primary != b.primary) {
      errors.push_back({b.name, std::string("a ") + b.name + " block is accepted only when primary is \"" + b.name +
                                    "\"; remove it or correct primary"});
      continue;
    }
    if (!it->is_object()) {
      errors.push_back({b.name, "expected an object of " + std::string(b.name) + " fields (or null)"});
      continue;
    }
    read_object(*it, b.name, c, errors);
  }
}

// Answers that cannot all be true at once.
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

}  // namespace

ParsedCase parse_case(std::string_view text) {
  ParsedCase out;
  if (text.size() > kMaxCaseBytes) {
    out.errors.push_back({"case", "the case is " + std::to_string(text.size()) + " bytes; at most " +
                                      std::to_string(kMaxCaseBytes) + " bytes (64 KiB) of JSON are accepted"});
    return out;
  }
  json doc;
  GuardedReader reader(doc);
  const bool read_ok = json::sax_parse(text.begin(), text.end(), &reader, json::input_format_t::json, true);
  if (!read_ok || reader.error()) {
    out.errors.push_back(reader.error().value_or(FieldError{"case", "not valid JSON"}));
    return out;
  }
  if (!doc.is_object()) {
    out.errors.push_back({"case", "a case must be a JSON object of fields, such as {\"primary\": \"colorectal\"}"});
    return out;
  }
  Case& c = out.value;
  read_special_fields(doc, c, out.errors);
  read_object(doc, "", c, out.errors);
  read_blocks(doc, c, out.errors);
  if (out.errors.empty()) check_contradictions(c, out.errors);
  return out;
}

}  // namespace livermets
