#include "array_reader.hpp"

#include <cstddef>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "guards.hpp"

namespace livermets {

namespace {

using json = nlohmann::json;

bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

// An input iterator over the text that publishes how far the parser has read,
// so that the SAX handler can tell where an element ends.
class ReadCursor {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  ReadCursor(const char* at, const char** read_to) : at_(at), read_to_(read_to) {}
  reference operator*() const { return *at_; }
  ReadCursor& operator++() {
    *read_to_ = ++at_;
    return *this;
  }
  ReadCursor operator++(int) {
    ReadCursor before = *this;
    ++*this;
    return before;
  }
  bool operator==(const ReadCursor& other) const { return at_ == other.at_; }
  bool operator!=(const ReadCursor& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  const char** read_to_;
};

// SAX events of the whole document.  An element of the top-level array ends
// at a scalar event at depth 1, or when its object or array closes; the
// parser has then read to the element's last byte, or, after a number, one
// byte further (the separator that ended it).
class ElementFinder {
 public:
  ElementFinder(std::string_view text, const char* const* read_to, std::size_t max_elements,
                std::vector<std::string_view>& out)
      : text_(text), read_to_(read_to), max_elements_(max_elements), out_(out) {}

  bool null() { return scalar(); }
  bool boolean(bool /*v*/) { return scalar(); }
  bool number_integer(json::number_integer_t /*v*/) { return number(); }
  bool number_unsigned(json::number_unsigned_t /*v*/) { return number(); }
  bool number_float(json::number_float_t /*v*/, const json::string_t& /*text*/) { return number(); }
  bool string(json::string_t& /*v*/) { return scalar(); }
  bool binary(json::binary_t& /*v*/) { return true; }  // not produced by the JSON reader
  bool start_object(std::size_t /*n*/) { return open(false); }
  bool start_array(std::size_t /*n*/) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& /*k*/) { return true; }
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const json::exception& ex) {
    if (!error_) {
      error_ = ex.id == 406 ? "a number is outside the range of a double"
                            : "not well-formed JSON " + syntax_error_text(position, ex);
    }
    return false;
  }

  const std::optional<std::string>& error() const { return error_; }

 private:
  std::size_t read() const { return static_cast<std::size_t>(*read_to_ - text_.data()); }

  bool open(bool is_array) {
    if (depth_ == 0 && !is_array) return refuse("not a JSON array");
    if (depth_ == 0) element_from_ = read();  // just after '['
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return depth_ == 1 ? element_ends(read(), false) : true;
  }
  bool scalar() { return depth_ == 0 ? refuse("not a JSON array") : depth_ == 1 ? element_ends(read(), false) : true; }
  bool number() { return depth_ == 0 ? refuse("not a JSON array") : depth_ == 1 ? element_ends(read(), true) : true; }

  // The element lies between the end of the previous one (or the '[') and
  // `end`: skip the space and the comma before it; after a number, drop the
  // separator the parser read past it.
  bool element_ends(std::size_t end, bool after_number) {
    if (out_.size() == max_elements_) {
      return refuse("more than " + std::to_string(max_elements_) + " cases in one array");
    }
    std::size_t start = element_from_;
    while (start < end && (is_space(text_[start]) || text_[start] == ',')) ++start;
    while (after_number && end > start && (is_space(text_[end - 1]) || text_[end - 1] == ',' || text_[end - 1] == ']')) {
      --end;
    }
    out_.push_back(text_.substr(start, end - start));
    element_from_ = end;
    return true;
  }
  bool refuse(std::string why) {
    if (!error_) error_ = std::move(why);
    return false;
  }

  std::string_view text_;
  const char* const* read_to_;
  std::size_t max_elements_;
  std::vector<std::string_view>& out_;
  int depth_ = 0;
  std::size_t element_from_ = 0;
  std::optional<std::string> error_;
};

}  // namespace

ArrayElements split_array(std::string_view text, std::size_t max_elements) {
  ArrayElements found;
  const char* read_to = text.data();
  ElementFinder finder(text, &read_to, max_elements, found.elements);
  const ReadCursor first(text.data(), &read_to);
  const ReadCursor last(text.data() + text.size(), &read_to);
  const bool ok = json::sax_parse(first, last, &finder, json::input_format_t::json, /*strict=*/true);
  if (!ok || finder.error()) {
    found.elements.clear();
    found.error = FieldError{"case", "the cases could not be read: " + finder.error().value_or("not a JSON array") +
                                         "; give one case object, or a JSON array of case objects"};
  }
  return found;
}

}  // namespace livermets
