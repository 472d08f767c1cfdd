// Invalid and hostile input (CONTRACT.md section 2): every class the contract
// names gives status "error", an error naming the field with a message, and no
// pathway and no recommendations.  Never a crash, hang or abort.
//
// Where the contract does not say which of two fields a cross-field error
// names (flr_percent with flr_volume_ml; presentation with the interval), either
// is accepted.  Document-level problems (malformed JSON, size, depth, encoding)
// are expected on the field "case" (parse.hpp), or on the top-level key that
// holds the offending value.
#include <string>

#include "helpers.hpp"
#include "livermets/parse.hpp"

using namespace lmt;
using F = std::set<std::string>;

namespace {
json crc_with(const std::string& key, const json& v) {
  json c = crc_resectable();
  c["colorectal"][key] = v;
  return c;
}
json top_with(const std::string& key, const json& v) {
  json c = crc_resectable();
  c[key] = v;
  return c;
}
}  // namespace

// ---- malformed JSON ----
TEST(Validation, MalformedJson) {
  for (const char* text : {"{\"primary\": ", "{primary: \"colorectal\"}", "", "   ", "{\"ecog\": 01}", "{\"a\":1,}",
                           "{\"ecog\": NaN}", "{\"ecog\": Infinity}", "{} {}", "{\"primary\":\"colorectal\"}x"}) {
    EXPECT_TRUE(is_error_naming(eval_text(text), F{"case"})) << "input: " << text;
  }
}
TEST(Validation, TopLevelMustBeAnObject) {
  for (const char* text : {"[]", "[{}]", "42", "\"colorectal\"", "null", "true"}) {
    EXPECT_TRUE(is_error_naming(eval_text(text), F{"case"})) << "input: " << text;
  }
}

// ---- wrong type ----
TEST(Validation, WrongTypes) {
  EXPECT_TRUE(is_error_naming(eval(top_with("ecog", "two")), F{"ecog"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("ecog", 2.5)), F{"ecog"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("lesion_count", 3.5)), F{"lesion_count"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("remnant_segments", 2.2)), F{"remnant_segments"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("r0_achievable", "yes")), F{"r0_achievable"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("r0_achievable", 1)), F{"r0_achievable"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("flr_percent", "45")), F{"flr_percent"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("primary", 1)), F{"primary"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("bilobar", json::array())), F{"bilobar"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("colorectal", "pmmr")), F{"colorectal"}));
  EXPECT_TRUE(is_error_naming(eval(crc_with("node_positive_primary", "true")), F{"colorectal.node_positive_primary"}));
  EXPECT_TRUE(is_error_naming(eval(crc_with("cea_ng_ml", json::object())), F{"colorectal.cea_ng_ml"}));
}

// ---- out of range ----
TEST(Validation, OutOfRange) {
  struct Row {
    const char* key;
    json value;
  };
  for (const Row& row : {Row{"ecog", -1}, Row{"ecog", 5}, Row{"flr_percent", -0.1}, Row{"flr_percent", 100.1},
                         Row{"remnant_segments", -1}, Row{"remnant_segments", 9}, Row{"lesion_count", 0},
                         Row{"lesion_count", 201}, Row{"largest_lesion_cm", 0}, Row{"largest_lesion_cm", -2},
                         Row{"largest_lesion_cm", 40.1}, Row{"height_cm", 99.9}, Row{"height_cm", 250.1},
                         Row{"height_cm", 1.75}, Row{"weight_kg", 24.9}, Row{"weight_kg", 300.1},
                         Row{"flr_volume_ml", 0}, Row{"flr_volume_ml", -5}}) {
    json c = top_with(row.key, row.value);
    if (std::string(row.key) == "flr_volume_ml" || std::string(row.key) == "height_cm" ||
        std::string(row.key) == "weight_kg") {
      c.erase("flr_percent");
    }
    EXPECT_TRUE(is_error_naming(eval(c), F{row.key})) << row.key << " = " << row.value;
  }
  EXPECT_TRUE(is_error_naming(eval(crc_with("cea_ng_ml", -1)), F{"colorectal.cea_ng_ml"}));
  EXPECT_TRUE(is_error_naming(eval(crc_with("cea_ng_ml", 100000.1)), F{"colorectal.cea_ng_ml"}));
  EXPECT_TRUE(is_error_naming(eval(crc_with("disease_free_interval_months", -1)),
                              F{"colorectal.disease_free_interval_months"}));
  EXPECT_TRUE(is_error_naming(eval(crc_with("disease_free_interval_months", 600.1)),
                              F{"colorectal.disease_free_interval_months"}));
}
TEST(Validation, RangeEndsAreAccepted) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, json>>{
           {"ecog", 0}, {"ecog", 4}, {"flr_percent", 0}, {"flr_percent", 100}, {"remnant_segments", 0},
           {"remnant_segments", 8}, {"lesion_count", 1}, {"lesion_count", 200}, {"largest_lesion_cm", 40},
           {"largest_lesion_cm", 0.1}}) {
    EXPECT_EQ(eval(top_with(key, value)).value("status", ""), "ok") << key << " = " << value;
  }
  EXPECT_EQ(eval(crc_with("cea_ng_ml", 100000)).value("status", ""), "ok");
  EXPECT_EQ(eval(crc_with("disease_free_interval_months", 600)).value("status", ""), "ok");
  json c = crc_resectable();
  c.erase("flr_percent");
  c["height_cm"] = 100;
  c["weight_kg"] = 300;
  c["flr_volume_ml"] = 100;
  EXPECT_EQ(eval(c).value("status", ""), "ok");
  c["height_cm"] = 250;
  c["weight_kg"] = 25;
  EXPECT_EQ(eval(c).value("status", ""), "ok");
}

// ---- unknown fields and enum values ----
TEST(Validation, UnknownFieldIsAnError) {
  EXPECT_TRUE(is_error_naming(eval(top_with("primry", "colorectal")), F{"primry"}));
  EXPECT_TRUE(is_error_naming(eval(crc_with("kras", "mutated")), F{"colorectal.kras"}));
  json b = breast_candidate();
  b["breast"]["her2_status"] = "positive";
  EXPECT_TRUE(is_error_naming(eval(b), F{"breast.her2_status"}));
}
// A block field written as a dotted top-level key would slip past the rule
// that a block needs its primary (a breast case could carry a colorectal RAS).
TEST(Validation, DottedTopLevelKeyIsRefusedAndPointsToTheBlock) {
  for (const char* primary : {"colorectal", "breast"}) {
    json c = {{"primary", primary}, {"colorectal.ras", "mutated"}};
    const auto r = eval(c);
    ASSERT_TRUE(is_error_naming(r, F{"colorectal.ras"})) << primary;
    EXPECT_NE(r["errors"][0]["message"].get<std::string>().find("{\"colorectal\": {\"ras\""), std::string::npos);
  }
  EXPECT_TRUE(is_error_naming(eval(top_with("neuroendocrine.symptomatic", true)), F{"neuroendocrine.symptomatic"}));
}
TEST(Validation, UnknownEnumValueIsAnError) {
  EXPECT_TRUE(is_error_naming(eval(top_with("primary", "lung")), F{"primary"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("primary", "Colorectal")), F{"primary"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("setting", "recurrence")), F{"setting"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("presentation", "late")), F{"presentation"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("chemotherapy_status", "ongoing")), F{"chemotherapy_status"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("liver_quality", "fatty")), F{"liver_quality"}));
  EXPECT_TRUE(is_error_naming(eval(top_with("extrahepatic_disease", "lung")), F{"extrahepatic_disease"}));
  EXPECT_TRUE(is_error_naming(eval(crc_with("ras", "kras")), F{"colorectal.ras"}));
  EXPECT_TRUE(is_error_naming(eval(crc_with("mmr", "msi")), F{"colorectal.mmr"}));
  EXPECT_TRUE(is_error_naming(eval(crc_with("sidedness", "transverse")), F{"colorectal.sidedness"}));
  json b = breast_candidate();
  b["breast"]["her2"] = "equivocal";
  EXPECT_TRUE(is_error_naming(eval(b), F{"breast.her2"}));
}
TEST(Validation, ErrorMessageSaysWhatIsAccepted) {
  const auto r = eval(crc_with("ras", "kras"));
  ASSERT_FALSE(r["errors"].empty());
  const std::string m = r["errors"][0].value("message", "");
  EXPECT_NE(m.find("wild_type"), std::string::npos) << m;
  EXPECT_NE(m.find("mutated"), std::string::npos) << m;
}
TEST(Validation, EveryProblemIsReported) {
  json c = crc_resectable();
  c["ecog"] = 9;
  c["primry"] = 1;
  c["colorectal"]["ras"] = "kras";
  const auto r = eval(c);
  EXPECT_TRUE(is_error_naming(r, F{"ecog"}));
  std::set<std::string> fields;
  for (const auto& e : r["errors"]) fields.insert(e.value("field", ""));
  EXPECT_TRUE(fields.count("ecog") && fields.count("primry") && fields.count("colorectal.ras")) << r["errors"].dump();
}

// ---- schema ----
TEST(Validation, SchemaOtherThanVersion1IsAnError) {
  for (const json& s : {json("livermets-case/2"), json("livermets-case"), json(""), json(1)}) {
    EXPECT_TRUE(is_error_naming(eval(top_with("schema", s)), F{"schema"})) << s;
  }
}
TEST(Validation, SchemaAndXFieldsAreAccepted) {
  json c = crc_resectable();
  c["schema"] = "livermets-case/1";
  c["x_site"] = "Leeds";
  c["x_payload"] = {{"a", {1, 2, 3}}, {"b", nullptr}};
  const auto r = eval(c);
  EXPECT_EQ(r.value("status", ""), "ok") << r.dump().substr(0, 300);
  EXPECT_EQ(pathway(r), "CRC_RESECTION_FIRST");
  json d = json::object();
  d["schema"] = "livermets-case/1";
  EXPECT_EQ(eval(d).value("status", ""), "ok");
}
TEST(Validation, NullMeansUnknown) {
  json c = json::object();
  for (const char* k : {"primary", "setting", "ecog", "flr_percent", "r0_achievable", "colorectal"}) c[k] = nullptr;
  EXPECT_EQ(eval(c).value("status", ""), "ok");
}

// ---- primary-specific blocks ----
TEST(Validation, BlockOnTheWrongPrimaryIsAnError) {
  json c = crc_resectable();
  c["breast"] = {{"her2", "positive"}};
  EXPECT_TRUE(is_error_naming(eval(c), F{"breast"}));
  json n = net_candidate();
  n["colorectal"] = {{"ras", "mutated"}};
  EXPECT_TRUE(is_error_naming(eval(n), F{"colorectal"}));
  json b = breast_candidate();
  b["neuroendocrine"] = {{"symptomatic", true}};
  EXPECT_TRUE(is_error_naming(eval(b), F{"neuroendocrine"}));
}
TEST(Validation, AnyBlockWithUnknownOrOtherPrimaryIsAnError) {
  json c = crc_resectable();
  c.erase("primary");
  EXPECT_TRUE(is_error_naming(eval(c), F{"colorectal"}));
  c["primary"] = "other";
  EXPECT_TRUE(is_error_naming(eval(c), F{"colorectal"}));
  c["primary"] = nullptr;
  EXPECT_TRUE(is_error_naming(eval(c), F{"colorectal"}));
  EXPECT_TRUE(is_error_naming(eval(json{{"neuroendocrine", {{"symptomatic", true}}}}), F{"neuroendocrine"}));
}

// ---- contradictions ----
TEST(Validation, FlrPercentWithFlrVolumeIsAnError) {
  json c = crc_resectable();
  c["flr_volume_ml"] = 600;
  c["height_cm"] = 170;
  c["weight_kg"] = 70;
  EXPECT_TRUE(is_error_naming(eval(c), F{"flr_percent", "flr_volume_ml"}));
}
TEST(Validation, SynchronousWithPositiveIntervalIsAnError) {
  json c = crc_resectable();
  c["presentation"] = "synchronous";
  c["colorectal"]["disease_free_interval_months"] = 0.5;
  EXPECT_TRUE(is_error_naming(eval(c), F{"presentation", "colorectal.disease_free_interval_months"}));
  c["colorectal"]["disease_free_interval_months"] = 0;
  EXPECT_EQ(eval(c).value("status", ""), "ok");
}
TEST(Validation, MetachronousWithZeroIntervalIsAnError) {
  json c = crc_resectable();
  c["presentation"] = "metachronous";
  c["colorectal"]["disease_free_interval_months"] = 0;
  EXPECT_TRUE(is_error_naming(eval(c), F{"presentation", "colorectal.disease_free_interval_months"}));
}
TEST(Validation, ComputedRemnantAbove100PercentIsAnErrorOnVolume) {
  // 180 cm, 80 kg: SLV 1740.15 ml; 2000 ml = 114.9 %.
  json c = crc_resectable();
  c.erase("flr_percent");
  c["height_cm"] = 180;
  c["weight_kg"] = 80;
  c["flr_volume_ml"] = 2000;
  EXPECT_TRUE(is_error_naming(eval(c), F{"flr_volume_ml"}));
}

// ---- hostile input ----
TEST(Validation, LargerThan64KiBIsRefused) {
  json c = crc_resectable();
  c["x_padding"] = std::string(70 * 1024, 'a');
  EXPECT_TRUE(is_error_naming(eval(c), F{"case"}));
  // Whitespace counts too: the limit is on the JSON text.
  std::string text = "{\"primary\":\"colorectal\"" + std::string(65 * 1024, ' ') + "}";
  EXPECT_TRUE(is_error_naming(eval_text(text), F{"case"}));
}
TEST(Validation, Exactly64KiBIsAcceptedOneByteMoreIsNot) {
  // {"x_p":"..."} is 10 bytes plus the padding.
  const std::string at_limit = "{\"x_p\":\"" + std::string(65536 - 10, 'a') + "\"}";
  ASSERT_EQ(at_limit.size(), 65536u);
  EXPECT_EQ(eval_text(at_limit).value("status", ""), "ok");
  const std::string over = "{\"x_p\":\"" + std::string(65536 - 9, 'a') + "\"}";
  ASSERT_EQ(over.size(), 65537u);
  EXPECT_TRUE(is_error_naming(eval_text(over), F{"case"}));
}
TEST(Validation, JustUnder64KiBIsAccepted) {
  json c = json::object();
  c["x_padding"] = std::string(60 * 1024, 'a');
  EXPECT_EQ(eval(c).value("status", ""), "ok");
}
TEST(Validation, NestingDeeperThan8IsRefused) {
  // Levels counted from the top-level object (level 1): 1 object + 7 arrays = 8 levels.
  EXPECT_EQ(eval_text("{\"x_a\":[[[[[[[1]]]]]]]}").value("status", ""), "ok");
  // 1 object + 8 arrays = 9 levels.
  EXPECT_TRUE(is_error_naming(eval_text("{\"x_a\":[[[[[[[[1]]]]]]]]}"), F{"case", "x_a"}));
  std::string deep = "{\"x_a\":" + std::string(200, '[') + std::string(200, ']') + "}";
  EXPECT_TRUE(is_error_naming(eval_text(deep), F{"case", "x_a"}));
}
TEST(Validation, VeryDeepNestingDoesNotCrash) {
  std::string deep(60000, '[');
  EXPECT_TRUE(is_error_naming(eval_text(deep), F{"case"}));
  std::string objs;
  for (int i = 0; i < 20000; ++i) objs += "{\"x_a\":";
  EXPECT_TRUE(is_error_naming(eval_text(objs), F{"case", "x_a"}));
}
TEST(Validation, DuplicateKeysAreRefused) {
  EXPECT_TRUE(is_error_naming(eval_text("{\"ecog\":1,\"ecog\":2}"), F{"case", "ecog"}));
  EXPECT_TRUE(is_error_naming(eval_text("{\"primary\":\"colorectal\",\"colorectal\":{\"ras\":\"mutated\",\"ras\":\"wild_type\"}}"),
                              F{"case", "colorectal", "colorectal.ras"}));
  EXPECT_TRUE(is_error_naming(eval_text("{\"x_a\":1,\"x_a\":1}"), F{"case", "x_a"}));
}
TEST(Validation, InvalidUtf8IsRefused) {
  for (const std::string& text : {std::string("{\"x_note\":\"\xff\"}"), std::string("{\"x_note\":\"\xc3\x28\"}"),
                                  std::string("{\"primary\":\"colorectal\xe2\x82\"}"),
                                  std::string("{\"x_\xc0\xaf\":1}"), std::string("{\"x_note\":\"\xed\xa0\x80\"}")}) {
    EXPECT_TRUE(is_error_naming(eval_text(text), F{"case", "x_note", "primary"})) << "input bytes: " << text.size();
  }
}
TEST(Validation, NumbersOutsideDoubleRangeAreRefused) {
  EXPECT_TRUE(is_error_naming(eval_text("{\"flr_percent\":1e400}"), F{"case", "flr_percent"}));
  EXPECT_TRUE(is_error_naming(eval_text("{\"flr_percent\":-1e400}"), F{"case", "flr_percent"}));
  EXPECT_TRUE(is_error_naming(eval_text("{\"x_big\":1e400}"), F{"case", "x_big"}));
  EXPECT_TRUE(is_error_naming(eval_text("{\"lesion_count\":99999999999999999999999}"), F{"case", "lesion_count"}));
}
TEST(Validation, EmbeddedNulAndControlCharactersDoNotCrash) {
  const std::string text("{\"x_note\":\"a\0b\"}", 16);
  const auto r = eval_text(text);
  EXPECT_EQ(r.value("status", ""), "error");
}
TEST(Validation, ParseCaseReportsErrorsWithoutThrowing) {
  const auto p = livermets::parse_case("{\"ecog\":7}");
  EXPECT_FALSE(p.ok());
  ASSERT_FALSE(p.errors.empty());
  EXPECT_EQ(p.errors[0].field, "ecog");
  EXPECT_FALSE(p.errors[0].message.empty());
  const auto q = livermets::parse_case(crc_resectable().dump());
  EXPECT_TRUE(q.ok());
  EXPECT_EQ(q.value.primary, livermets::Primary::colorectal);
  EXPECT_EQ(q.value.colorectal.ras, livermets::Mutation::wild_type);
}
TEST(Validation, EvaluateDocumentArrayInOrder) {
  json arr = json::array({crc_resectable(), json{{"ecog", 9}}, net_candidate()});
  const auto d = livermets::evaluate_document(arr.dump());
  EXPECT_FALSE(d.all_ok);
  const json out = json::parse(d.json, nullptr, false);
  ASSERT_TRUE(out.is_array());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(pathway(out[0]), "CRC_RESECTION_FIRST");
  EXPECT_EQ(out[1].value("status", ""), "error");
  EXPECT_EQ(pathway(out[2]), "NET_RESECTION");
  const auto ok = livermets::evaluate_document(json::array({crc_resectable()}).dump());
  EXPECT_TRUE(ok.all_ok);
  const auto single = livermets::evaluate_document(crc_resectable().dump());
  EXPECT_TRUE(single.all_ok);
  EXPECT_TRUE(json::parse(single.json, nullptr, false).is_object());
}
TEST(Validation, EvaluateDocumentArrayOfManyCasesEachWithinLimits) {
  // The array mode takes any number of cases; the document may exceed 64 KiB.
  json arr = json::array();
  for (int i = 0; i < 400; ++i) arr.push_back(crc_resectable());
  ASSERT_GT(arr.dump().size(), 64u * 1024u);
  const auto d = livermets::evaluate_document(arr.dump());
  EXPECT_TRUE(d.all_ok);
  const json out = json::parse(d.json, nullptr, false);
  ASSERT_TRUE(out.is_array());
  EXPECT_EQ(out.size(), 400u);
}

TEST(Validation, EvaluateDocumentEachCaseObeysTheLimitsOnItsOwn) {
  // A case 8 levels deep is valid on its own; inside the array the document is 9 deep.
  const auto d = livermets::evaluate_document("[{\"x_a\":[[[[[[[1]]]]]]]}, {\"x_a\":[[[[[[[[1]]]]]]]]}]");
  const json out = json::parse(d.json, nullptr, false);
  ASSERT_TRUE(out.is_array()) << d.json.substr(0, 300);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].value("status", ""), "ok") << out[0].dump().substr(0, 300);
  EXPECT_EQ(out[1].value("status", ""), "error");
  EXPECT_FALSE(d.all_ok);
}
TEST(Validation, EvaluateDocumentOversizedCaseFailsAloneInArray) {
  json big = json::object();
  big["x_padding"] = std::string(70 * 1024, 'a');
  const auto d = livermets::evaluate_document(json::array({crc_resectable(), big, net_candidate()}).dump());
  const json out = json::parse(d.json, nullptr, false);
  ASSERT_TRUE(out.is_array());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(pathway(out[0]), "CRC_RESECTION_FIRST");
  EXPECT_TRUE(is_error_naming(out[1], F{"case"}));
  EXPECT_EQ(pathway(out[2]), "NET_RESECTION");
}
TEST(Validation, EvaluateDocumentNonObjectElementsAreErrors) {
  const auto d = livermets::evaluate_document("[1, \"x\", null, [], {}]");
  const json out = json::parse(d.json, nullptr, false);
  ASSERT_TRUE(out.is_array()) << d.json.substr(0, 300);
  ASSERT_EQ(out.size(), 5u);
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(is_error_naming(out[static_cast<std::size_t>(i)], F{"case"})) << i;
  EXPECT_EQ(out[4].value("status", ""), "ok");
  EXPECT_FALSE(d.all_ok);
}
TEST(Validation, EvaluateDocumentEmptyArray) {
  const auto d = livermets::evaluate_document("[]");
  const json out = json::parse(d.json, nullptr, false);
  ASSERT_TRUE(out.is_array()) << d.json;
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(d.all_ok);
}
TEST(Validation, EvaluateDocumentMalformedIsAnError) {
  for (const char* text : {"[{}", "", "[{} {}]", "\xff"}) {
    const auto d = livermets::evaluate_document(text);
    EXPECT_FALSE(d.all_ok) << text;
    const json out = json::parse(d.json, nullptr, false);
    ASSERT_FALSE(out.is_discarded()) << d.json.substr(0, 200);
  }
}
TEST(Validation, EvaluateDocumentMalformedArrayIsOneErrorNamingTheCase) {
  // What nlohmann's parser refuses is refused whole: no case of it is evaluated.
  for (const char* text : {R"([{"primary":"other"}}{"primary":"breast"}])", "[{},]", "[,{}]", "[{}]]", "[{}] {}",
                           "[{} {}]", "[{}", "[{\"a\":1e400}]", "[\"\xff\"]", "[{}]x"}) {
    const auto d = livermets::evaluate_document(text);
    EXPECT_FALSE(d.all_ok) << text;
    EXPECT_FALSE(d.internal_fault) << text;
    const json out = json::parse(d.json, nullptr, false);
    ASSERT_TRUE(out.is_object()) << text << " -> " << d.json.substr(0, 300);
    EXPECT_TRUE(is_error_naming(out, F{"case"})) << text;
    EXPECT_EQ(out["errors"].size(), 1u) << text;
  }
}
TEST(Validation, EvaluateDocumentReadsEachElementExactlyAsItWouldBeAlone) {
  const std::vector<std::string> elements = {
      R"({"primary":"other"})", R"({"x_a":[1,{"b":[]}],"primary":"breast"})", R"("str\"ing,]")", "12.5e1", "-0",
      "true", "null", "[[]]", R"({"ecog":9})", R"({"primary":"colorectal","primary":"breast"})",
      R"({"x_a":[[[[[[[[1]]]]]]]]})", "{}"};
  std::string text = " [ ";
  for (std::size_t k = 0; k < elements.size(); ++k) text += (k ? " ,\n\t" : "") + elements[k] + (k % 2 ? "" : " ");
  text += "\r\n] ";
  const auto d = livermets::evaluate_document(text);
  const json out = json::parse(d.json, nullptr, false);
  ASSERT_TRUE(out.is_array()) << d.json.substr(0, 300);
  ASSERT_EQ(out.size(), elements.size());
  for (std::size_t k = 0; k < elements.size(); ++k) {
    EXPECT_EQ(out[k].dump(), json::parse(livermets::evaluate_json(elements[k])).dump()) << elements[k];
  }
}
TEST(Validation, EvaluateDocumentArrayUpToTheCaseLimitAndNoMore) {
  // Each element is an invalid case: cheap to answer (no decision, no search of
  // what would change it), so the test measures the count limit, not the rules.
  const std::string one = R"({"ecog":9})";
  std::string text = "[" + one;
  for (std::size_t i = 1; i < livermets::kMaxDocumentCases; ++i) text += "," + one;
  const auto at_limit = livermets::evaluate_document(text + "]");
  ASSERT_EQ(at_limit.json.front(), '[') << at_limit.json.substr(0, 300);
  std::size_t results = 0;  // counted by their first key: 10,000 results are too many to parse here
  for (std::size_t at = at_limit.json.find("{\"status\":"); at != std::string::npos;
       at = at_limit.json.find("{\"status\":", at + 1)) {
    ++results;
  }
  EXPECT_EQ(results, livermets::kMaxDocumentCases);
  const auto beyond = livermets::evaluate_document(text + "," + one + "]");
  const json refused = json::parse(beyond.json, nullptr, false);
  ASSERT_TRUE(refused.is_object()) << beyond.json.substr(0, 300);
  EXPECT_TRUE(is_error_naming(refused, F{"case"}));
}
