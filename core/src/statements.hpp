// The guideline, statement by statement: what kind of line each is, its gist
// in this project's words, and its citation numbers as the guideline gives them.
#pragma once

#include <string_view>
#include <vector>

namespace livermets {

enum class StatementKind { heading, rule, informational };

struct Statement {
  std::string_view id;    // "G22" = line 22 of the guideline
  StatementKind kind;
  std::string_view gist;  // our own words; facts and numbers carried over
  std::vector<int> citations;
};

// Every line G01..G74, in order.
const std::vector<Statement>& statements();
const Statement* find_statement(std::string_view id);
std::string_view name(StatementKind kind);

}  // namespace livermets
