// Building the case from parse events: each value is checked against the
// field table as it arrives (field_validation.hpp) and written into the
// `Case`; x_ values and refused values are skipped without being built.
//
// Errors are reported in a fixed order: "schema", "setting", then top-level
// keys in byte order, then the blocks (colorectal, breast, neuroendocrine),
// each block's keys in byte order.  Since a block is accepted only for the
// matching primary, and primary may come after the block in the text, the
// block's verdict waits for the end of the document.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "field_validation.hpp"
#include "livermets/parse.hpp"

namespace livermets {

class CaseBuilder {
 public:
  explicit CaseBuilder(Case& c) : c_(c) {}

  void key(const std::string& k);
  void value(const Value& v);  // a scalar, or the start of an object or array
  void close();                // the end of the innermost object or array

  // After a complete, well-formed read: the errors, in the documented order.
  void finish(std::vector<FieldError>& out);

  static constexpr int kBlockCount = 3;  // colorectal, breast, neuroendocrine

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
  // An error found under a key, kept with the key so that errors can be
  // sorted into key order at the end.
  struct KeyedError {
    std::string key;
    FieldError error;
  };

  Slot top_level_slot(std::string_view k);
  Slot block_slot(int b, std::string_view k);
  Frame take(const Slot& slot, const Value& v);
  void open(const Frame& f) { frames_[depth_++] = f; }
  void finish_block(int b, std::vector<FieldError>& out);
  static void append_in_key_order(std::vector<KeyedError>& keyed, std::vector<FieldError>& out);

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

}  // namespace livermets
