#!/usr/bin/env python3
"""The hazard-log checker must fail when it should (issue 5): a hazard naming a
test that does not exist, a hazard naming none, a hazard without a required
field, a skipped node test; and pass on a log whose tests all exist."""
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CHECKER = os.path.join(ROOT, "scripts", "check-hazard-log")

HEAD = """# log
## 1. Intended use
x
## 2. Intended users and setting
x
## 3. Limitations
x
## 5. Hazards
"""

FIELDS = """| | |
|---|---|
| Cause | c |
| Effect | e |
| Severity | 4 Major |
| Mitigation | m |
| Residual risk | r |
"""


def run_checker(log_text, root=ROOT):
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as fh:
        fh.write(log_text)
        path = fh.name
    try:
        r = subprocess.run([sys.executable, CHECKER, "--log", path, "--root", root],
                           capture_output=True, text=True)
        return r.returncode, r.stdout + r.stderr
    finally:
        os.unlink(path)


class CheckHazardLog(unittest.TestCase):
    def test_real_log_passes(self):
        r = subprocess.run([sys.executable, CHECKER], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_existing_tests_pass(self):
        code, out = run_checker(HEAD + "### H01. ok\n" + FIELDS +
                                "\nVerified by:\n- ctest: `safety.hazard_log`\n"
                                "- node: `hostile: duplicate keys are refused, at the top level and inside a block`\n")
        self.assertEqual(code, 0, out)

    def test_unknown_gtest_fails(self):
        code, out = run_checker(HEAD + "### H01. bad\n" + FIELDS +
                                "\nVerified by:\n- gtest: `Validation.ThisTestDoesNotExist`\n")
        self.assertEqual(code, 1, out)
        self.assertIn("Validation.ThisTestDoesNotExist", out)

    def test_unknown_node_title_fails(self):
        code, out = run_checker(HEAD + "### H01. bad\n" + FIELDS +
                                "\nVerified by:\n- node: `a test title nobody wrote`\n")
        self.assertEqual(code, 1, out)
        self.assertIn("a test title nobody wrote", out)

    def test_unknown_ctest_fails(self):
        code, out = run_checker(HEAD + "### H01. bad\n" + FIELDS + "\nVerified by:\n- ctest: `no.such.test`\n")
        self.assertEqual(code, 1, out)

    def test_hazard_without_tests_fails(self):
        code, out = run_checker(HEAD + "### H01. untested\n" + FIELDS + "\nVerified by:\n")
        self.assertEqual(code, 1, out)
        self.assertIn("names no test", out)

    def test_missing_field_fails(self):
        code, out = run_checker(HEAD + "### H01. no mitigation\n" + FIELDS.replace("| Mitigation | m |\n", "") +
                                "\nVerified by:\n- ctest: `safety.hazard_log`\n")
        self.assertEqual(code, 1, out)
        self.assertIn("Mitigation", out)

    def test_missing_intended_use_fails(self):
        code, out = run_checker(HEAD.replace("Intended use", "Purpose") + "### H01. ok\n" + FIELDS +
                                "\nVerified by:\n- ctest: `safety.hazard_log`\n")
        self.assertEqual(code, 1, out)

    def test_skipped_node_test_does_not_count(self):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, "tests", "x"))
            with open(os.path.join(root, "tests", "x", "a.test.mjs"), "w") as fh:
                fh.write("test.skip('skipped one', () => {});\ntest('it\\'s run', () => {});\n")
            code, out = run_checker(HEAD + "### H01. s\n" + FIELDS + "\nVerified by:\n- node: `skipped one`\n", root)
            self.assertEqual(code, 1, out)
            code, out = run_checker(HEAD + "### H01. s\n" + FIELDS + "\nVerified by:\n- node: `it's run`\n", root)
            self.assertEqual(code, 0, out)

    def test_malformed_reference_fails(self):
        code, out = run_checker(HEAD + "### H01. typo\n" + FIELDS +
                                "\nVerified by:\n- ctest: `safety.hazard_log`\n- gtest Validation.OutOfRange\n")
        self.assertEqual(code, 1, out)
        self.assertIn("unreadable", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
