// Case parsing in one pass over SAX events: nothing is built but the `Case`
// itself.  The events come from PlainJsonReader (plain_json_reader.hpp) for
// the usual case, and from nlohmann's parser for anything else, including
// every malformed text, so errors keep nlohmann's wording.  Two layers see
// every event:
//   - the guards (Guards) refuse hostile input while reading: depth, duplicate
//     keys, non-finite numbers, syntax and UTF-8 errors (nlohmann's lexer);
//     the first such violation stops the read and is the only error reported;
//   - the case builder (CaseBuilder) validates each value against the field
//     table as it arrives, and skips x_ values and refused values without
//     building them.
// Errors are reported in a fixed order, the one the earlier DOM-based parser
// produced (nlohmann's objects are std::maps): "schema", "setting", then
// top-level keys in byte order, then the blocks (colorectal, breast,
// neuroendocrine), each block's keys in byte order, then contradictions (only
// when nothing else is wrong).  Since a block is accepted only for the
// matching primary, and primary may come after the block in the text, the
// block's verdict waits for the end of the document.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "derived_math.hpp"
#include "fields.hpp"
#include "livermets/parse.hpp"
#include "parse_readers.hpp"
#include "plain_json_reader.hpp"

namespace livermets {

using json = nlohmann::json;

namespace {

// ------------------------------------------------------------------ guards

// Depth, duplicate keys, non-finite numbers and syntax errors, for every
// value in the document (x_ values included).  Keeps the first violation.
class Guards {
 public:
  bool enter_object() { return enter(false); }
  bool enter_array() { return enter(true); }
  void leave() {
    key_arena_.resize(levels_[depth_].arena_start);
    levels_[depth_].keys.clear();
    --depth_;
  }
  // Refuses a key already seen in the same object.  The key is recorded
  // first, so that it is the current key in a duplicate's error path.
  bool key(const std::string& k) {
    Level& level = levels_[depth_];
    const std::uint32_t hash = hash_of(k);
    level.keys.push_back({hash, static_cast<std::uint32_t>(key_arena_.size()), static_cast<std::uint32_t>(k.size())});
    key_arena_ += k;
    for (std::size_t n = 0; n + 1 < level.keys.size(); ++n) {
      const SeenKey& seen = level.keys[n];
      if (seen.hash == hash && arena_text(seen) == k) {
        return fail(current_path(), "the key \"" + k + "\" appears twice in the same object; give it once");
      }
    }
    return true;
  }
  bool number_float(double v, const std::string& text) {
    if (!std::isfinite(v)) {
      return fail(current_path(), "the number " + text + " is outside the range of a double");
    }
    return true;
  }
  bool parse_error(std::size_t position, const nlohmann::detail::exception& ex) {
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
  // The keys seen in one open object live in one shared arena string, so a
  // key costs no allocation of its own; an object's keys are dropped when it
  // closes (objects nest, so the arena is a stack).
  struct SeenKey {
    std::uint32_t hash;
    std::uint32_t offset;
    std::uint32_t length;
  };
  struct Level {
    std::vector<SeenKey> keys;  // the last one is the current key
    std::size_t arena_start = 0;
    bool is_array = false;
  };

  std::string_view arena_text(const SeenKey& k) const {
    return std::string_view(key_arena_).substr(k.offset, k.length);
  }

  static std::uint32_t hash_of(const std::string& k) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (const char ch : k) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
    return h;
  }

  bool enter(bool is_array) {
    if (depth_ + 1 > kMaxDepth) {
      return fail("case", "nesting deeper than " + std::to_string(kMaxDepth) + " levels is refused");
    }
    ++depth_;
    Level& level = levels_[depth_];
    level.arena_start = key_arena_.size();
    level.is_array = is_array;
    return true;
  }
  bool fail(std::string field, std::string message) {
    if (!error_) error_ = FieldError{std::move(field), std::move(message)};
    return false;
  }
  // The dotted path of the value being read, for a guard's error; array
  // levels, not-yet-named levels and empty names are left out.
  std::string current_path() const {
    std::string p;
    for (int d = 1; d <= depth_; ++d) {
      const Level& level = levels_[d];
      if (level.is_array || level.keys.empty()) continue;
      const std::string_view part = arena_text(level.keys.back());
      if (part.empty() || part == "[]") continue;  // "[]" as a key: skipped, as the first parser did
      if (!p.empty()) p += '.';
      p += part;
    }
    return p.empty() ? "case" : p;
  }

  int depth_ = 0;                               // open objects and arrays
  std::array<Level, kMaxDepth + 1> levels_{};   // [1..depth_] are open
  std::string key_arena_;
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

// One value as the builder sees it: a scalar, or the start of an object or
// array (which no field accepts; its contents are skipped).
struct Value {
  enum class Kind { null, boolean, number, string, object, array };
  Kind kind = Kind::null;
  bool boolean = false;
  double number = 0;
  const std::string* text = nullptr;

  bool is_container() const { return kind == Kind::object || kind == Kind::array; }
};

// Reads one field's value into the case; false, with `why` set, when the value
// is refused.  Integral-valued numbers (4.0) are accepted for integer fields.
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

bool is_integrator_field(std::string_view key) { return key.substr(0, 2) == "x_"; }

constexpr const char* kAcceptedSchema = "livermets-case/1";

struct BlockRule {
  const char* name;
  Primary primary;
  void (*clear)(Case&);
};
constexpr BlockRule kBlocks[] = {
    {"colorectal", Primary::colorectal, [](Case& c) { c.colorectal = {}; }},
    {"breast", Primary::breast, [](Case& c) { c.breast = {}; }},
    {"neuroendocrine", Primary::neuroendocrine, [](Case& c) { c.neuroendocrine = {}; }},
};
constexpr int kBlockCount = static_cast<int>(sizeof kBlocks / sizeof kBlocks[0]);

// An error found under a key, kept with the key so that errors can be sorted
// into key order at the end.
struct KeyedError {
  std::string key;
  FieldError error;
};

void append_in_key_order(std::vector<KeyedError>& keyed, std::vector<FieldError>& out) {
  std::sort(keyed.begin(), keyed.end(), [](const KeyedError& a, const KeyedError& b) { return a.key < b.key; });
  for (KeyedError& k : keyed) out.push_back(std::move(k.error));
}

// ------------------------------------------------------------ case builder

// Builds the Case from the values as they arrive and collects what is wrong.
class CaseBuilder {
 public:
  explicit CaseBuilder(Case& c) : c_(c) {}

  void key(const std::string& k) {
    Frame& f = frames_[depth_ - 1];
    if (f.kind == Frame::Kind::top) {
      f.slot = top_level_slot(k);
    } else if (f.kind == Frame::Kind::block) {
      f.slot = block_slot(f.block, k);
    }
  }
  void value(const Value& v) {
    if (depth_ == 0) {  // the document itself
      root_seen_ = true;
      root_is_object_ = v.kind == Value::Kind::object;
      if (v.is_container()) open(root_is_object_ ? Frame{Frame::Kind::top} : Frame{});
      return;
    }
    Frame& f = frames_[depth_ - 1];
    Slot slot = f.kind == Frame::Kind::skipped ? Slot{} : f.slot;
    const Frame opened = take(slot, v);
    if (v.is_container()) open(opened);
  }
  void close() { --depth_; }

  // After a complete, well-formed read: the errors, in the documented order.
  void finish(std::vector<FieldError>& out) {
    if (!root_seen_ || !root_is_object_) {
      out.push_back({"case", "a case must be a JSON object of fields, such as {\"primary\": \"colorectal\"}"});
      return;
    }
    if (schema_refused_) {
      out.push_back({"schema", std::string("unsupported format version; accepted: \"") + kAcceptedSchema +
                                   "\" (or leave it out)"});
    }
    if (setting_refused_) {
      std::string accepted;
      for (std::string_view n : setting_names()) accepted += (accepted.empty() ? "\"" : ", \"") + std::string(n) + "\"";
      out.push_back({"setting", "accepted: one of " + accepted + " (or null for the default, initial)"});
    }
    append_in_key_order(top_errors_, out);
    for (int b = 0; b < kBlockCount; ++b) finish_block(b, out);
  }

 private:
  // What the value after the current key means.
  struct Slot {
    enum class Kind { ignore, field, schema, setting, block };
    Kind kind = Kind::ignore;
    const FieldSpec* spec = nullptr;
    int block = -1;
  };
  // An open object or array: the case's top level, a block, or anything
  // else (skipped: an x_ value, a refused value, an array).
  struct Frame {
    enum class Kind { skipped, top, block };
    Kind kind = Kind::skipped;
    int block = -1;
    Slot slot{};
  };
  enum class BlockState { absent, object, not_object };  // absent includes null

  // Keys are compared as string_views: std::string's compare with a C string
  // is an out-of-line call, and this runs for every key.
  Slot top_level_slot(std::string_view k) {
    if (is_integrator_field(k)) return {};
    if (k.empty()) {  // name the enclosing object: an empty name cannot be pointed at
      top_errors_.push_back({std::string(k), {"case", "a field with an empty name is not accepted"}});
      return {};
    }
    if (k == "schema") return {Slot::Kind::schema};
    if (k == "setting") return {Slot::Kind::setting};
    for (int b = 0; b < kBlockCount; ++b) {
      if (k == std::string_view(kBlocks[b].name)) return {Slot::Kind::block, nullptr, b};
    }
    // Only undotted names live at the top level: "colorectal.ras" written as a
    // top-level key is an unknown field, or it would bypass the rule that a
    // block needs its primary.
    if (k.find('.') == std::string_view::npos) {
      if (const FieldSpec* f = find_field(k)) return {Slot::Kind::field, f};
    } else if (find_field(k) != nullptr) {
      const std::string block(k.substr(0, k.find('.')));
      const std::string name(k.substr(block.size() + 1));
      top_errors_.push_back({std::string(k), {std::string(k), "a " + block + " field goes inside the \"" + block +
                                                                  "\" object: {\"" + block + "\": {\"" + name +
                                                                  "\": ...}}"}});
      return {};
    }
    top_errors_.push_back({std::string(k), {std::string(k), "unknown field (check the spelling; integrator fields must start with x_)"}});
    return {};
  }

  Slot block_slot(int b, std::string_view k) {
    const std::string_view block = kBlocks[b].name;
    if (is_integrator_field(k)) return {};
    if (k.empty()) {
      block_errors_[b].push_back({std::string(k), {std::string(block), "a field with an empty name is not accepted"}});
      return {};
    }
    if (const FieldSpec* f = find_block_field(block, k)) return {Slot::Kind::field, f, b};
    block_errors_[b].push_back({std::string(k), {std::string(block) + "." + std::string(k),
                                    "unknown field (check the spelling; integrator fields must start with x_)"}});
    return {};
  }

  // Applies a value to its slot; returns the frame to open if it is a container.
  Frame take(const Slot& slot, const Value& v) {
    using Kind = Value::Kind;
    switch (slot.kind) {
      case Slot::Kind::ignore: break;
      case Slot::Kind::field: {
        std::string why;
        if (!read_field(*slot.spec, v, c_, why)) {
          auto& errors = slot.block < 0 ? top_errors_ : block_errors_[slot.block];
          const std::string_view id = slot.spec->id;
          const std::string key(slot.block < 0 ? id : id.substr(id.find('.') + 1));
          errors.push_back({key, {std::string(id), std::move(why)}});
        }
        break;
      }
      case Slot::Kind::schema:
        if (v.kind != Kind::null && (v.kind != Kind::string || *v.text != kAcceptedSchema)) schema_refused_ = true;
        break;
      case Slot::Kind::setting:
        if (v.kind == Kind::null) break;
        setting_refused_ = true;
        for (std::size_t i = 0; v.kind == Kind::string && i < setting_names().size(); ++i) {
          if (*v.text == setting_names()[i]) {
            c_.setting = static_cast<Setting>(i);
            c_.setting_given = true;
            setting_refused_ = false;
          }
        }
        break;
      case Slot::Kind::block:
        if (v.kind == Kind::null) break;
        block_state_[slot.block] = v.kind == Kind::object ? BlockState::object : BlockState::not_object;
        if (v.kind == Kind::object) return {Frame::Kind::block, slot.block};
        break;
    }
    return {};
  }

  void open(const Frame& f) { frames_[depth_++] = f; }

  void finish_block(int b, std::vector<FieldError>& out) {
    const BlockRule& rule = kBlocks[b];
    if (block_state_[b] == BlockState::absent) return;
    if (c_.primary != rule.primary) {
      rule.clear(c_);  // nothing of a refused block stays in the case
      out.push_back({rule.name, std::string("a ") + rule.name + " block is accepted only when primary is \"" +
                                    rule.name + "\"; remove it or correct primary"});
      return;
    }
    if (block_state_[b] == BlockState::not_object) {
      out.push_back({rule.name, "expected an object of " + std::string(rule.name) + " fields (or null)"});
      return;
    }
    append_in_key_order(block_errors_[b], out);
  }

  Case& c_;
  int depth_ = 0;  // the guards keep it at most kMaxDepth
  std::array<Frame, kMaxDepth + 1> frames_{};
  bool root_seen_ = false;
  bool root_is_object_ = false;
  bool schema_refused_ = false;
  bool setting_refused_ = false;
  std::array<BlockState, kBlockCount> block_state_{};
  std::vector<KeyedError> top_errors_;
  std::array<std::vector<KeyedError>, kBlockCount> block_errors_;
};

// ------------------------------------------------------------- SAX handler

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
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& ex) {
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

namespace {

// Reads the text with the plain reader, or when it gives up, from the start
// again with nlohmann's.  False, with `error` set, when the text is refused.
bool read_document(std::string_view text, Case& c, std::vector<FieldError>& errors, bool allow_plain_reader) {
  if (allow_plain_reader) {
    CaseReader plain(c);
    if (PlainJsonReader<CaseReader>(text, plain).read()) {
      plain.finish(errors);
      return true;
    }
  }
  c = Case{};
  CaseReader reader(c);
  const bool read_ok = json::sax_parse(text.begin(), text.end(), &reader, json::input_format_t::json, true);
  if (!read_ok || reader.error()) {
    c = Case{};  // a refused document leaves no partial case behind
    errors.push_back(reader.error().value_or(FieldError{"case", "not valid JSON"}));
    return false;
  }
  reader.finish(errors);
  return true;
}

ParsedCase parse_case_with(std::string_view text, bool allow_plain_reader) {
  ParsedCase out;
  if (text.size() > kMaxCaseBytes) {
    out.errors.push_back({"case", "the case is " + std::to_string(text.size()) + " bytes; at most " +
                                      std::to_string(kMaxCaseBytes) + " bytes (64 KiB) of JSON are accepted"});
    return out;
  }
  if (read_document(text, out.value, out.errors, allow_plain_reader) && out.errors.empty()) {
    check_contradictions(out.value, out.errors);
  }
  return out;
}

}  // namespace

bool consistent(const Case& c) {
  std::vector<FieldError> errors;  // stays empty, so nothing is allocated, for a consistent case
  check_contradictions(c, errors);
  return errors.empty();
}

ParsedCase parse_case(std::string_view text) { return parse_case_with(text, /*allow_plain_reader=*/true); }

ParsedCase parse_case_nlohmann_only(std::string_view text) {
  return parse_case_with(text, /*allow_plain_reader=*/false);
}

}  // namespace livermets
