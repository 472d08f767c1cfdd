#include "missing_search.hpp"

#include <algorithm>
#include <utility>

#include "livermets/parse.hpp"
#include "rules.hpp"

namespace livermets {

namespace {

constexpr std::uint64_t code_bit(RecCode r) { return std::uint64_t{1} << static_cast<int>(r); }
constexpr std::uint64_t one(std::size_t i) { return std::uint64_t{1} << i; }

// The review items follow `surgical_review_done` alone, which is never asked
// for: an unknown review already gets the safe recommendation.
constexpr std::uint64_t kNotCompared =
    code_bit(RecCode::SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY) | code_bit(RecCode::URGENT_SURGICAL_REVIEW);

// Each criterion's status, 2 bits at the place of its code.
std::uint16_t packed_statuses(const Candidacy& k) {
  unsigned out = 0;
  for (int i = 0; i < k.count; ++i) {
    const Criterion& c = k.criteria[static_cast<std::size_t>(i)];
    out |= static_cast<unsigned>(c.status) << (2 * static_cast<int>(c.code));
  }
  return static_cast<std::uint16_t>(out);
}

std::vector<double> option_values(const FieldSpec& f) {
  std::vector<double> v;
  for (std::size_t i = 0; i < f.options.size(); ++i) v.push_back(static_cast<double>(i));
  return v;
}

}  // namespace

OpenAnswer open_remnant() {
  OpenAnswer a;
  a.kind = OpenAnswer::Kind::remnant;
  a.reads = bit(FieldId::flr_percent) | bit(FieldId::flr_volume_ml) | bit(FieldId::height_cm) |
            bit(FieldId::weight_kg);
  a.values = find_field("flr_percent")->probes;
  return a;
}

OpenAnswer open_field(const FieldSpec& f) {
  OpenAnswer a;
  a.spec = &f;
  a.reads = bit(f.trace_id);
  switch (f.type) {
    case FieldType::boolean: a.values = {0, 1}; break;
    case FieldType::enumeration: a.values = option_values(f); break;
    case FieldType::integer:
    case FieldType::number: a.values = f.probes; break;
  }
  return a;
}

MissingSearch::MissingSearch(const Case& c, std::vector<OpenAnswer> open)
    : base_(c), work_(c), open_(std::move(open)) {}

void MissingSearch::set(std::size_t i, std::size_t value) {
  current_[i] = static_cast<std::uint8_t>(value);
  const OpenAnswer& a = open_[i];
  if (a.kind == OpenAnswer::Kind::field) {
    if (value == 0) {
      a.spec->copy(base_, work_);
    } else {
      a.spec->set(work_, a.values[value - 1]);
    }
    return;
  }
  if (value == 0) {
    work_.flr_percent = base_.flr_percent.raw();
    work_.flr_volume_ml = base_.flr_volume_ml.raw();
    work_.height_cm = base_.height_cm.raw();
    work_.weight_kg = base_.weight_kg.raw();
  } else {
    work_.flr_percent = a.values[value - 1];
    work_.flr_volume_ml.reset();
    work_.height_cm.reset();
    work_.weight_kg.reset();
  }
}

bool MissingSearch::spend() { return ++evaluations_ <= limit_; }

bool MissingSearch::Assessed::same_as(const Assessed& o, std::uint8_t summaries) const {
  if (consistent != o.consistent || flr_percent != o.flr_percent || threshold != o.threshold) return false;
  if (((summaries >> kOverallSummary) & 1U) && overall != o.overall) return false;
  for (int k = 0; k < kCriterionCount; ++k) {
    const unsigned mask = 3U << (2 * k);
    if (((summaries >> k) & 1U) && (statuses & mask) != (o.statuses & mask)) return false;
  }
  return true;
}

MissingSearch::Assessed MissingSearch::assess_now() {
  Decision d;
  assess(work_, d);
  Assessed a;
  a.consistent = consistent(work_);
  a.statuses = packed_statuses(d.candidacy);
  a.overall = static_cast<std::uint8_t>(d.candidacy.overall.raw());
  a.count = static_cast<std::uint8_t>(d.candidacy.count);
  a.flr_percent = d.derived.flr_percent;
  a.threshold = d.derived.remnant_threshold_percent;
  return a;
}

std::uint64_t MissingSearch::open_read(FieldMask read) const {
  std::uint64_t out = 0;
  for (std::size_t g = 0; g < open_.size(); ++g) {
    if (read & open_[g].reads) out |= one(g);
  }
  return out;
}

// decide() on each value of f under the sigma in `work_` (f as entered first:
// a run that does not read f is the run of every value of f).
void MissingSearch::evaluate(std::size_t f, std::uint64_t /*assigned*/, Runs& runs) {
  runs.count = 0;
  runs.verdict = Relevance::irrelevant;
  if (!consistent(work_)) return;  // sigma itself could not be entered
  for (std::size_t k = 0; k <= open_[f].values.size(); ++k) {
    if (k > 0) {
      const Run& as_entered = runs.run[0];
      if (!((as_entered.first_step.read | as_entered.rest.read) & open_[f].reads)) break;
      set(f, k);
      if (!consistent(work_)) continue;
    }
    if (!spend()) {
      runs.verdict = Relevance::budget_exceeded;
      break;
    }
    Run& r = runs.run[runs.count++];
    r = Run{};
    r.value = k;
    {
      TraceReads tracing(r.first_step);
      Decision d;
      assess(work_, d, &r.criteria);
      r.criterion_count = d.candidacy.count;
      r.statuses = packed_statuses(d.candidacy);
    }
    {
      TraceReads tracing(r.rest);
      const Decision d = decide(work_);
      r.outcome.pathway = d.pathway;
      for (int i = 0; i < d.recommendation_count; ++i) {
        r.outcome.codes |= code_bit(d.recommendations[static_cast<std::size_t>(i)].code);
      }
      r.outcome.codes &= ~kNotCompared;
    }
    if (runs.count > 1 && r.outcome != runs.run[0].outcome) {
      runs.verdict = Relevance::relevant;
      break;
    }
  }
  set(f, 0);
}

// The first open answer that `t` read (in program order) and sigma has not
// set; open_.size() when there is none.
std::size_t MissingSearch::first_unset_read(const ReadTrace& t, std::uint64_t assigned) const {
  for (int i = 0; i < t.count; ++i) {
    const FieldMask b = bit(t.order[i]);
    for (std::size_t g = 0; g < open_.size(); ++g) {
      if (!((assigned >> g) & 1U) && (open_[g].reads & b)) return g;
    }
  }
  return open_.size();
}

// The open answer to set next: the first read (program order keeps the tree
// small), the first step's before the rest's, that sigma has not set;
// open_.size() when there is none.
std::size_t MissingSearch::next_branch(const Runs& runs, std::uint64_t assigned) const {
  for (int part = 0; part < 2; ++part) {
    for (std::size_t r = 0; r < runs.count; ++r) {
      const std::size_t g = first_unset_read(part == 0 ? runs.run[r].first_step : runs.run[r].rest, assigned);
      if (g != open_.size()) return g;
    }
  }
  return open_.size();
}

Relevance MissingSearch::relevant(std::size_t i) {
  total_ += evaluations_;
  evaluations_ = 0;
  limit_ = total_ >= kTotalBudget ? 0 : std::min(kBudget, kTotalBudget - total_);
  if (limit_ == 0) return Relevance::budget_exceeded;
  // A small tree is searched at once.  A large one is dived into first: a
  // witness often needs several answers set together (all of candidacy met,
  // say), and random root-to-leaf paths find most of them in a few runs;
  // the full search then proves the rest, or finds the rarer witnesses.
  // First, where the candidacy cannot reach the rest, the rest alone decides.
  if (const std::optional<Relevance> blind = blind_rest(i, one(i))) return *blind;
  const std::uint32_t limit = limit_;
  limit_ = std::min(limit, kQuickLook);
  remembered_.clear();
  const Relevance quick = first_step_node(i, one(i));
  limit_ = limit;
  if (quick != Relevance::budget_exceeded) return quick;
  std::uint32_t seed = 0x9E3779B9U ^ static_cast<std::uint32_t>(i * 2654435761U);
  for (int d = 0; d < kDives; ++d) {
    const Relevance r = dive(i, seed);
    if (r != Relevance::irrelevant) return r;
  }
  remembered_.clear();
  return first_step_node(i, one(i));
}

// The rest of decide() alone, on each value of f, branching only on the open
// answers the rest itself reads; the first step's answers stay as entered.
// While every summary of the first step that a run on the way reads is fixed
// (summaries_fixed), the answers that only the first step reads cannot reach
// the rest, so this small tree decides f exactly: a run that differs is a
// witness, and a tree without one proves f cannot matter.  As soon as a run
// reads a summary that is not fixed, the short cut gives up (nothing) and the
// full search decides.  It spares the search of the first step on routes the
// candidacy cannot change (a neuroendocrine tumour that is not solitary, an
// unfit patient), where that search ran past its budget and listed every
// candidacy answer (stop 18).
std::optional<Relevance> MissingSearch::blind_rest(std::size_t f, std::uint64_t assigned) {
  Runs runs;
  evaluate(f, assigned, runs);
  if (runs.verdict != Relevance::irrelevant) return runs.verdict;  // a witness, or the budget
  std::size_t g = open_.size();
  for (std::size_t r = 0; r < runs.count; ++r) {
    if (!summaries_fixed(runs.run[r], assigned)) return std::nullopt;
    if (g == open_.size()) g = first_unset_read(runs.run[r].rest, assigned);
  }
  if (g == open_.size()) return Relevance::irrelevant;
  for (std::size_t w = 0; w <= open_[g].values.size(); ++w) {
    set(g, w);
    const std::optional<Relevance> r = blind_rest(f, assigned | one(g));
    if (r != Relevance::irrelevant) {
      set(g, 0);
      return r;
    }
  }
  set(g, 0);
  return Relevance::irrelevant;
}

// Whether every summary of the first step that this run's rest read is fixed:
// the same whatever the open answers not yet set turn out to be.  A criterion
// is fixed when its own reads touch none of them (it depends on nothing else;
// the remnant criterion also on the remnant %, computed before it); the
// overall candidacy when every criterion is, or one fixed criterion is not met
// (any criterion not met makes it not met, candidacy.cpp); the derived figures
// when the remnant and the liver quality are set.  None is fixed while the
// primary is open (it chooses the criteria).
bool MissingSearch::summaries_fixed(const Run& run, std::uint64_t assigned) const {
  const std::uint8_t read = run.rest.summaries;
  if (read == 0) return true;
  FieldMask free_reads = 0;  // what reading an open answer not yet set looks like
  bool remnant_free = false;
  for (std::size_t g = 0; g < open_.size(); ++g) {
    if ((assigned >> g) & 1U) continue;
    free_reads |= open_[g].reads;
    remnant_free = remnant_free || open_[g].kind == OpenAnswer::Kind::remnant;
  }
  if (free_reads & bit(FieldId::primary)) return false;
  const auto fixed = [&](int code) {
    if (run.criteria[static_cast<std::size_t>(code)] & free_reads) return false;
    return !(code == static_cast<int>(CriterionCode::REMNANT) && remnant_free);
  };
  for (int code = 0; code < kCriterionCount; ++code) {
    if (((read >> code) & 1U) && !fixed(code)) return false;
  }
  if ((read >> kOverallSummary) & 1U) {
    bool all_fixed = true;
    bool fixed_not_met = false;
    for (int code = 0; code < kCriterionCount; ++code) {
      if (code >= run.criterion_count) break;  // criteria are listed in code order (candidacy.cpp)
      const auto status = static_cast<Status>((run.statuses >> (2 * code)) & 3U);
      if (!fixed(code)) {
        all_fixed = false;
      } else if (status == Status::not_met) {
        fixed_not_met = true;
      }
    }
    if (!all_fixed && !fixed_not_met) return false;
  }
  if ((read >> kDerivedSummary) & 1U) {
    if (remnant_free || (free_reads & bit(FieldId::liver_quality))) return false;
  }
  return true;
}

// One random path from the root, one child at each node.
Relevance MissingSearch::dive(std::size_t f, std::uint32_t& seed) {
  std::uint64_t assigned = one(f);
  std::vector<std::size_t> touched;
  Relevance result = Relevance::irrelevant;
  Runs runs;
  for (;;) {
    evaluate(f, assigned, runs);
    result = runs.verdict;
    const std::size_t g = next_branch(runs, assigned);
    if (result != Relevance::irrelevant || g == open_.size()) break;
    seed = seed * 1664525U + 1013904223U;  // a fixed sequence: the same case gives the same list
    set(g, (seed >> 16) % (open_[g].values.size() + 1));
    touched.push_back(g);
    assigned |= one(g);
  }
  for (std::size_t g : touched) set(g, 0);
  return result;
}

// The first step alone, on every value of f: branch on what it reads.
Relevance MissingSearch::first_step_node(std::size_t f, std::uint64_t assigned) {
  std::array<Assessed, kMaxValues + 1> assessed;
  std::array<ReadTrace, kMaxValues + 1> traces;
  const std::size_t values = open_[f].values.size();
  for (std::size_t k = 0; k <= values; ++k) {
    if (!spend()) {
      set(f, 0);
      return Relevance::budget_exceeded;
    }
    set(f, k);
    TraceReads tracing(traces[k]);
    assessed[k] = assess_now();
  }
  set(f, 0);
  std::size_t g = open_.size();
  for (std::size_t k = 0; k <= values && g == open_.size(); ++k) g = first_unset_read(traces[k], assigned);
  if (g == open_.size()) return leaf(f, assigned, assessed);
  const std::size_t n = open_[g].values.size();
  for (std::size_t w = 0; w <= n; ++w) {
    set(g, w);
    const Relevance r = first_step_node(f, assigned | one(g));
    if (r != Relevance::irrelevant) {
      set(g, 0);
      return r;
    }
  }
  set(g, 0);
  return Relevance::irrelevant;
}

// A leaf of the first step: the rest of decide() is searched, unless a leaf
// searched before agrees on everything that search read.
Relevance MissingSearch::leaf(std::size_t f, std::uint64_t assigned,
                              const std::array<Assessed, kMaxValues + 1>& assessed) {
  const std::size_t values = open_[f].values.size();
  for (const Remembered& e : remembered_) {
    bool same = true;
    for (std::size_t g = 0; g < open_.size() && same; ++g) {
      if (((e.read & e.assigned) >> g) & 1U) same = ((assigned >> g) & 1U) && current_[g] == e.value[g];
    }
    for (std::size_t k = 0; k <= values && same; ++k) same = assessed[k].same_as(e.assessed[k], e.summaries[k]);
    if (same) return Relevance::irrelevant;
  }
  Remembered seen;
  seen.assigned = assigned;
  seen.value = current_;
  seen.assessed = assessed;
  const Relevance r = rest_node(f, assigned, seen);
  if (r == Relevance::irrelevant) remembered_.push_back(seen);
  return r;
}

// The rest of decide() under a fixed first step: branch on what it reads.
Relevance MissingSearch::rest_node(std::size_t f, std::uint64_t assigned, Remembered& seen) {
  Runs runs;
  evaluate(f, assigned, runs);
  if (runs.verdict != Relevance::irrelevant) return runs.verdict;
  for (std::size_t r = 0; r < runs.count; ++r) {
    const Run& run = runs.run[r];
    seen.read |= open_read(run.rest.read);
    seen.summaries[run.value] = static_cast<std::uint8_t>(seen.summaries[run.value] | run.rest.summaries);
  }
  const std::size_t g = next_branch(runs, assigned);
  if (g == open_.size()) return Relevance::irrelevant;
  // Known values first: a witness is usually found where answers are known.
  const std::size_t n = open_[g].values.size();
  for (std::size_t i = 1; i <= n + 1; ++i) {
    set(g, i % (n + 1));
    const Relevance r = rest_node(f, assigned | one(g), seen);
    if (r != Relevance::irrelevant) {
      set(g, 0);
      return r;
    }
  }
  set(g, 0);
  return Relevance::irrelevant;
}

}  // namespace livermets
