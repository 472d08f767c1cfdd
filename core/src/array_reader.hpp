// Finding the cases of a JSON array (the CLI's array mode) with nlohmann's
// parser, so that each element can then be read exactly as a single case
// would be, with its own limits.  Nothing is built: one pass of SAX events
// over the whole text decides whether it is a well-formed array, and records
// where each element's text begins and ends.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "livermets/parse.hpp"

namespace livermets {

struct ArrayElements {
  std::vector<std::string_view> elements;  // each element's own text, no surrounding space
  std::optional<FieldError> error;         // set, naming "case", when the text is refused
};

// `text` should start (after white space) with '['.  Refused: text that is not
// one well-formed JSON array, as nlohmann's parser decides (its accept() and
// this agree on every input; the fuzzer checks it), and an array of more than
// `max_elements` elements.
ArrayElements split_array(std::string_view text, std::size_t max_elements);

}  // namespace livermets
