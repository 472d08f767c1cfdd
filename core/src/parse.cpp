// Reading a case: one pass of nlohmann's SAX parser, nothing built but the
// `Case` itself.  Two layers see every event:
//   - the guards (guards.hpp) refuse hostile input while reading: depth,
//     duplicate keys, non-finite numbers, syntax and UTF-8 errors; the first
//     violation stops the read and is the only error reported;
//   - the case builder (case_builder.hpp) validates each value against the
//     field table as it arrives.
// Contradictions between answers (field_validation.hpp) are checked last,
// only when nothing else is wrong.
#include "livermets/parse.hpp"

#include <nlohmann/json.hpp>

#include "case_builder.hpp"
#include "guards.hpp"

namespace livermets {

namespace {

using json = nlohmann::json;

// nlohmann's SAX interface: each event passes the guards, then the builder.
class CaseReader {
 public:
  explicit CaseReader(Case& c) : builder_(c) {}

  bool null() { return scalar({Value::Kind::null}); }
  bool boolean(bool v) { return scalar({Value::Kind::boolean, v}); }
  bool number_integer(json::number_integer_t v) { return number(static_cast<double>(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return number(static_cast<double>(v)); }
  bool number_float(json::number_float_t v, const json::string_t& text) {
    return guards_.number_float(v, text) && number(v);
  }
  bool string(json::string_t& v) {
    Value value{Value::Kind::string};
    value.text = &v;
    return scalar(value);
  }
  bool binary(json::binary_t& /*v*/) { return true; }  // not produced by the JSON reader
  bool start_object(std::size_t /*n*/) {
    if (!guards_.enter_object()) return false;
    builder_.value({Value::Kind::object});
    return true;
  }
  bool end_object() {
    guards_.leave();
    builder_.close();
    return true;
  }
  bool start_array(std::size_t /*n*/) {
    if (!guards_.enter_array()) return false;
    builder_.value({Value::Kind::array});
    return true;
  }
  bool end_array() { return end_object(); }
  bool key(json::string_t& k) {
    if (!guards_.key(k)) return false;
    builder_.key(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const json::exception& ex) {
    return guards_.parse_error(position, ex);
  }

  const std::optional<FieldError>& error() const { return guards_.error(); }
  void finish(std::vector<FieldError>& out) { builder_.finish(out); }

 private:
  bool number(double v) {
    Value value{Value::Kind::number};
    value.number = v;
    return scalar(value);
  }
  bool scalar(const Value& v) {
    builder_.value(v);
    return true;
  }

  Guards guards_;
  CaseBuilder builder_;
};

}  // namespace

bool consistent(const Case& c) {
  std::vector<FieldError> errors;  // stays empty, so nothing is allocated, for a consistent case
  check_contradictions(c, errors);
  return errors.empty();
}

ParsedCase parse_case(std::string_view text) {
  ParsedCase out;
  if (auto too_big = check_case_size(text)) {
    out.errors.push_back(std::move(*too_big));
    return out;
  }
  CaseReader reader(out.value);
  const bool read_ok = json::sax_parse(text.begin(), text.end(), &reader, json::input_format_t::json, true);
  if (!read_ok || reader.error()) {
    out.value = Case{};  // a refused document leaves no partial case behind
    out.errors.push_back(reader.error().value_or(FieldError{"case", "not valid JSON"}));
    return out;
  }
  reader.finish(out.errors);
  if (out.errors.empty()) check_contradictions(out.value, out.errors);
  return out;
}

}  // namespace livermets
