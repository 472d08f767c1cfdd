// Test-only fault injection: the program's global operator new is replaced
// (a replacement the C++ standard allows) so that one chosen allocation
// throws std::bad_alloc.  That is a real fault, raised inside the real core,
// so the tests see exactly what a user would if memory ran out mid-evaluation.
// Linked only into test programs: the native fault tests, the CLI's preload
// library, and the test build of the WebAssembly module.
#pragma once

namespace livermets_test {

// The `n`-th allocation from now (1 = the next one) throws, once; 0 disarms.
void fail_allocation(long n);

// True while an armed failure has not happened yet.
bool allocation_failure_pending();

}  // namespace livermets_test
