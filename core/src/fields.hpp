// The case's fields, once: name, type, accepted values, and where each lives
// in `Case`.  The parser validates against this table, the result echoes the
// case through it, `missing` probes it, and the questionnaire reads its types
// and ranges from it, so a field cannot be accepted in one place and
// described differently in another.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "livermets/case.hpp"

namespace livermets {

enum class FieldType { boolean, enumeration, integer, number };

struct FieldSpec {
  std::string_view id;  // contract name; dotted for a primary-specific block
  FieldType type;
  std::vector<std::string_view> options;  // enumeration: values, in the enum's order
  double min = 0;
  double max = 0;
  bool min_exclusive = false;
  std::string_view unit;
  std::vector<double> probes;  // integer/number: one value per region between cut-points
  FieldId trace_id{};          // the answer's id in read traces (livermets/answer.hpp)

  // Exactly one accessor is set, matching `type`; enumerations are read and
  // written as the option's index (-1 = unknown).
  std::optional<bool>& (*boolean_ref)(Case&) = nullptr;
  std::optional<int>& (*integer_ref)(Case&) = nullptr;
  std::optional<double>& (*number_ref)(Case&) = nullptr;
  int (*enum_get)(const Case&) = nullptr;
  void (*enum_set)(Case&, int) = nullptr;

  bool known(const Case& c) const;
  // Sets a value: 0/1 for a boolean, the option's index, or the number.
  void set(Case& c, double value) const;
  // Copies this field's answer (known or not) from one case to another.
  void copy(const Case& from, Case& to) const;
};

// `setting` is not in the table: it has a default (initial), so it is never
// unknown.  Its names, in the enum's order, are kept here for the parser, the
// case echo and the questionnaire.
inline const std::vector<std::string_view>& setting_names() {
  static const std::vector<std::string_view> kNames = {"initial", "recurrence_after_hepatectomy"};
  return kNames;
}
inline std::string_view name(Setting s) { return setting_names()[static_cast<std::size_t>(s)]; }

// Every field of the contract's table except "schema" and "setting", in the contract's order.
const std::vector<FieldSpec>& fields();

// Look-ups by name, in hash maps built once (the parser asks once per key).  `find_field` takes the full id
// ("ecog", "colorectal.ras"); `find_block_field` a block's name and a key
// inside that block ("colorectal", "ras"), so the parser need not join them.
const FieldSpec* find_field(std::string_view id);
const FieldSpec* find_block_field(std::string_view block, std::string_view name);

}  // namespace livermets
