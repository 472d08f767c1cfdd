// The search behind `missing`: could an open answer change the outcome,
// together with some values of the other open answers?
//
// OUTCOME: the pathway and the set of recommendation codes, without
// SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY and URGENT_SURGICAL_REVIEW (CONTRACT.md
// section 3, rev 2).  Strengths, warnings and derived figures are not part of it.
//
// An answer f is RELEVANT when some assignment sigma of the other open answers
// (each left as entered or set to any of its values) and two values of f
// ("as entered", i.e. unknown, counts as one) give different outcomes.
//
// HOW.  decide() runs with a read trace (livermets/answer.hpp), once per value
// of f, under the current sigma.  If the outcomes differ, that is the witness.
// Otherwise the search branches only on an open answer that one of those runs
// READ and sigma has not set yet; a node where none was read is a leaf: decide()
// takes the same path, to the same outcomes, whatever the unread answers are.
// Numeric answers take one value per region between the rules' cut-points
// (FieldSpec::probes).  Values the parser would refuse together (parse.hpp,
// consistent) are skipped.
//
// Two things keep the tree small:
//  - decide() first assesses the candidacy (rules.hpp, assess) and then reads
//    it only through Candidacy::overall and Candidacy::status(), which are
//    traced as "summaries".  The search first enumerates the answers the
//    assessment reads; at each of its leaves it searches the rest of decide(),
//    and remembers which summaries and answers that search read.  A later leaf
//    that agrees on those is the same search and is skipped: the many
//    combinations of remnant, fitness, margins... that give the same
//    candidacy as far as the rest of decide() looks are searched once.
//  - Random dives find most witnesses in a few runs before the full search.
// Past a fixed number of decide() runs the answer is listed unproven (the
// safe side: one more question rather than one hidden); see
// docs/clinical-decisions.md, D-missing.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "fields.hpp"
#include "livermets/decision.hpp"
#include "rules.hpp"

namespace livermets {

// An answer the search may set: unknown (or known but open, see missing.cpp).
struct OpenAnswer {
  enum class Kind : std::uint8_t { field, remnant };
  Kind kind = Kind::field;
  const FieldSpec* spec = nullptr;  // Kind::field
  FieldMask reads = 0;              // trace bits that count as reading it
  std::vector<double> values;       // besides "as entered": option index, 0/1, or number
};

// The remnant % as one answer: unknown when neither given nor computable from
// volumetry.  Setting it gives the % and clears the volumetry (so that the
// case stays one the parser accepts).
OpenAnswer open_remnant();
// An unknown field with every value it can take.
OpenAnswer open_field(const FieldSpec& f);

enum class Relevance : std::uint8_t { irrelevant, relevant, budget_exceeded };

class MissingSearch {
 public:
  // Runs (of decide(), or of its first step alone) allowed for one answer,
  // and for all the answers of one case together (what one keystroke costs
  // at most: see docs/performance.md).
  static constexpr std::uint32_t kBudget = 4000;
  static constexpr std::uint32_t kTotalBudget = 30000;
  // The most values an answer takes besides "as entered" (extrahepatic_disease: 5).
  static constexpr std::size_t kMaxValues = 8;
  static constexpr int kMaxOpen = 64;

  // Keeps a reference to `c`, which must outlive the search.
  MissingSearch(const Case& c, std::vector<OpenAnswer> open);
  // Whether open answer `i` is relevant; evaluations() then tells the cost.
  Relevance relevant(std::size_t i);
  std::uint32_t evaluations() const { return evaluations_; }

 private:
  static constexpr int kDives = 32;
  static constexpr std::uint32_t kQuickLook = 300;  // runs of the first, plain search

  // What `missing` compares (see the top of this file).
  struct Outcome {
    PathwayCode pathway = PathwayCode::ASSESSMENT_INCOMPLETE;
    std::uint64_t codes = 0;
    bool operator!=(const Outcome& o) const { return pathway != o.pathway || codes != o.codes; }
  };
  // What the rest of decide() can see of the first step, for one value of f.
  struct Assessed {
    bool consistent = false;
    std::uint16_t statuses = 0;  // 2 bits per criterion
    std::uint8_t overall = 0;
    std::uint8_t count = 0;
    std::optional<double> flr_percent;
    std::optional<double> threshold;
    bool same_as(const Assessed& o, std::uint8_t summaries) const;
  };
  struct Run {
    std::size_t value = 0;  // f's value index
    Outcome outcome;
    ReadTrace first_step;  // the assessment's reads
    ReadTrace rest;        // the rest of decide(): answers and summaries
    CriterionReads criteria{};  // each criterion's own reads (rules.hpp)
    std::uint16_t statuses = 0;  // 2 bits per criterion code
    int criterion_count = 0;
  };
  struct Runs {
    std::array<Run, kMaxValues + 1> run;
    std::size_t count = 0;
    Relevance verdict = Relevance::irrelevant;
  };
  // A searched leaf of the first step: what its search read, at what values.
  struct Remembered {
    std::uint64_t read = 0;      // open answers the search's runs read
    std::uint64_t assigned = 0;  // open answers set at the leaf
    std::array<std::uint8_t, kMaxOpen> value{};
    std::array<std::uint8_t, kMaxValues + 1> summaries{};
    std::array<Assessed, kMaxValues + 1> assessed{};
  };

  void evaluate(std::size_t f, std::uint64_t assigned, Runs& runs);
  std::size_t first_unset_read(const ReadTrace& t, std::uint64_t assigned) const;
  std::size_t next_branch(const Runs& runs, std::uint64_t assigned) const;
  Relevance first_step_node(std::size_t f, std::uint64_t assigned);
  // The rest of decide() alone, while every candidacy summary it reads is
  // fixed: the verdict, or nothing when one is not (the full search decides).
  std::optional<Relevance> blind_rest(std::size_t f, std::uint64_t assigned);
  bool summaries_fixed(const Run& run, std::uint64_t assigned) const;
  Relevance leaf(std::size_t f, std::uint64_t assigned, const std::array<Assessed, kMaxValues + 1>& assessed);
  std::uint64_t open_read(FieldMask read) const;
  Relevance rest_node(std::size_t f, std::uint64_t assigned, Remembered& seen);
  Relevance dive(std::size_t f, std::uint32_t& seed);
  Assessed assess_now();
  bool spend();
  void set(std::size_t i, std::size_t value);  // 0 = as entered

  const Case& base_;
  Case work_;
  std::vector<OpenAnswer> open_;
  std::array<std::uint8_t, kMaxOpen> current_{};  // each open answer's value index (0 = as entered)
  std::vector<Remembered> remembered_;
  std::uint32_t evaluations_ = 0;
  std::uint32_t limit_ = kBudget;  // for the answer being searched
  std::uint32_t total_ = 0;        // runs spent on earlier answers
};

}  // namespace livermets
