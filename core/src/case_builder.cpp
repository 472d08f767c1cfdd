#include "case_builder.hpp"

#include <algorithm>

namespace livermets {

namespace {

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
static_assert(sizeof kBlocks / sizeof kBlocks[0] == CaseBuilder::kBlockCount);

}  // namespace

void CaseBuilder::key(const std::string& k) {
  Frame& f = frames_[depth_ - 1];
  if (f.kind == Frame::Kind::top) {
    f.slot = top_level_slot(k);
  } else if (f.kind == Frame::Kind::block) {
    f.slot = block_slot(f.block, k);
  }
}

void CaseBuilder::value(const Value& v) {
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

void CaseBuilder::close() { --depth_; }

void CaseBuilder::finish(std::vector<FieldError>& out) {
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

// Keys are compared as string_views: std::string's compare with a C string
// is an out-of-line call, and this runs for every key.
CaseBuilder::Slot CaseBuilder::top_level_slot(std::string_view k) {
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

CaseBuilder::Slot CaseBuilder::block_slot(int b, std::string_view k) {
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
CaseBuilder::Frame CaseBuilder::take(const Slot& slot, const Value& v) {
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

void CaseBuilder::finish_block(int b, std::vector<FieldError>& out) {
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

void CaseBuilder::append_in_key_order(std::vector<KeyedError>& keyed, std::vector<FieldError>& out) {
  std::sort(keyed.begin(), keyed.end(), [](const KeyedError& a, const KeyedError& b) { return a.key < b.key; });
  for (KeyedError& k : keyed) out.push_back(std::move(k.error));
}

}  // namespace livermets
